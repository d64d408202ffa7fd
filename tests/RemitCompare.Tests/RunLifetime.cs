using RemitCompare.Tests.Support;

namespace RemitCompare.Tests;

/// <summary>Ends what the whole test run shares: stops the PostgreSQL cluster (if a test started one) once every test in the assembly has finished.</summary>
[SetUpFixture]
public sealed class RunLifetime
{
    [OneTimeTearDown]
    public void Stop() => PostgresCluster.Stop();
}
