using RemitCompare.FeedSimulator;

namespace RemitCompare.Tests.Postgres;

/// <summary>Two API processes on one PostgreSQL database and the feed simulator, all on loopback.</summary>
[Category("Postgres")]
public sealed class TwoNodeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task When_the_leader_is_killed_the_other_node_takes_over_and_no_batch_is_lost_or_doubled()
    {
        await using var world = await NodeWorld.StartAsync();
        var a = await world.StartNodeAsync("a", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        var b = await world.StartNodeAsync("b", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.That(await NodeWorld.EventuallyAsync(async () => await NodeWorld.IsLeaderAsync(a) ^ await NodeWorld.IsLeaderAsync(b), Patience),
            Is.True, "exactly one node leads");
        var (leader, leaderName, other, follower) = await NodeWorld.IsLeaderAsync(a) ? (a, "a", b, "b") : (b, "b", a, "a");
        Assert.That(await NodeWorld.EventuallyAsync(() => Task.FromResult(world.BatchHashes().Count >= 2), Patience), Is.True, "the leader commits batches");

        leader.Kill();
        var killedAt = DateTime.UtcNow;
        var beforeKill = world.BatchHashes();

        Assert.That(await NodeWorld.EventuallyAsync(() => NodeWorld.IsLeaderAsync(other), TimeSpan.FromSeconds(30)), Is.True, "the other node takes over");
        Assert.That(await NodeWorld.EventuallyAsync(() => Task.FromResult(world.BatchHashes().Count >= beforeKill.Count + 2), Patience), Is.True,
            "the new leader commits batches");

        // The killed node comes back as a follower; the feed stops answering, so the store stops changing and both can agree.
        var restarted = await world.StartNodeAsync(leaderName + "2", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        world.Simulator.Always = FeedFault.ServerError;
        IReadOnlyList<string> batches = [], followerCycles = [];
        Assert.That(await NodeWorld.EventuallyAsync(() =>
        {
            followerCycles = world.CycleHashes(follower);
            batches = world.BatchHashes();
            return Task.FromResult(followerCycles.All(batches.Contains));
        }, TimeSpan.FromSeconds(20)), Is.True, "every cycle of the living leader is committed");
        var leaderCycles = world.CycleHashes(leaderName);
        var served = world.ServedAnswers();

        Assert.Multiple(() =>
        {
            Assert.That(batches, Is.Unique, "no payload is stored twice");
            Assert.That(batches.Take(beforeKill.Count), Is.EqualTo(beforeKill), "what was committed before the kill is kept");
            Assert.That(served.Where(s => s.Node == follower).Min(s => s.At), Is.GreaterThan(killedAt),
                "the follower fetched nothing while the leader lived: no cycle ran twice");
            // A request the leader sent just before it died may still be read by the simulator after the kill, never after the follower's first.
            Assert.That(served.Where(s => s.Node == leaderName).Max(s => s.At), Is.LessThan(served.Where(s => s.Node == follower).Min(s => s.At)),
                "the two leaders' fetches never overlapped");
            Assert.That(batches, Is.SubsetOf(leaderCycles.Concat(followerCycles)), "every batch is a payload the simulator served");
            Assert.That(leaderCycles.SkipLast(1), Is.SubsetOf(batches),
                "every payload the killed leader fetched is stored, but the one it may have died holding");
        });

        Assert.That(await NodeWorld.EventuallyAsync(async () => await NodeWorld.OffersAsync(other) == await NodeWorld.OffersAsync(restarted), TimeSpan.FromSeconds(20)),
            Is.True, "both nodes serve the same offers");
        Assert.Multiple(async () =>
        {
            Assert.That(await NodeWorld.OffersAsync(other), Does.Contain("Harbour Transfer"));
            Assert.That(await NodeWorld.IsLeaderAsync(restarted), Is.False, "the restarted node follows");
        });
    }

    [Test]
    public async Task A_batch_committed_through_one_node_is_served_by_the_other_without_waiting_for_its_poll()
    {
        await using var world = await NodeWorld.StartAsync();
        var writer = await world.StartNodeAsync("writer", TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));
        Assert.That(await NodeWorld.EventuallyAsync(() => Task.FromResult(world.LatestBatch() > 0), Patience), Is.True, "the writer commits a batch");
        // Polling once a minute: only the notification can make it see a batch committed after it started within seconds.
        var reader = await world.StartNodeAsync("reader", null, TimeSpan.FromMinutes(1));
        var seenAtStart = world.LatestBatch();

        Assert.That(await NodeWorld.EventuallyAsync(() => Task.FromResult(world.LatestBatch() > seenAtStart), Patience), Is.True, "the writer commits another batch");
        var committed = world.LatestBatch();

        Assert.That(await NodeWorld.EventuallyAsync(async () => (await NodeWorld.OfferBatchesAsync(reader)).Any(b => b >= committed), TimeSpan.FromSeconds(10)),
            Is.True, $"the reader serves batch {committed} within 10 s; it serves {string.Join(", ", await NodeWorld.OfferBatchesAsync(reader))}\n{reader.Output}");
        Assert.That(await NodeWorld.IsLeaderAsync(writer), Is.True);
    }
}
