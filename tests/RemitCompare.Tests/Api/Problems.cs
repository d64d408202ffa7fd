using System.Net;

namespace RemitCompare.Tests.Api;

/// <summary>What every error answer must be: an RFC 9457 problem with the right status, and nothing of the internals.</summary>
public static class Problems
{
    /// <summary>Asserts a problem+json answer with <paramref name="status"/> in the header and the body.</summary>
    public static void AssertIsProblem(this ApiAnswer answer, HttpStatusCode status)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(status), answer.Body);
            Assert.That(answer.MediaType, Is.EqualTo(ApiAnswer.Problem));
            Assert.That(answer.Root.Whole("status"), Is.EqualTo((int)status));
            answer.AssertShowsNoInternals();
        }
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> name exactly <paramref name="parameter"/>.</summary>
    public static void AssertIsProblemNaming(this ApiAnswer answer, string parameter)
    {
        using (Assert.EnterMultipleScope())
        {
            answer.AssertIsProblem(HttpStatusCode.BadRequest);
            Assert.That(answer.ErrorNames, Is.EqualTo(new[] { parameter }), answer.Body);
        }
    }

    /// <summary>Asserts that no exception name or stack trace leaks out.</summary>
    public static void AssertShowsNoInternals(this ApiAnswer answer) =>
        Assert.That(answer.Body, Does.Not.Contain("Exception").And.Not.Contain("   at ").And.Not.Contain(".cs:line"));
}
