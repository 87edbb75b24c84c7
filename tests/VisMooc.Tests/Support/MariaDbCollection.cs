namespace VisMooc.Tests.Support;

/// <summary>Tests in this collection share one throwaway MariaDB server.</summary>
[CollectionDefinition(Name)]
public sealed class MariaDbCollection : ICollectionFixture<MariaDbServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "mariadb";
}

/// <summary>Starts the server lazily, so a run where every MariaDB test is skipped starts nothing.</summary>
public sealed class MariaDbServerFixture : IDisposable
{
    private readonly Lazy<MariaDbServer> _server = new(() => new MariaDbServer());

    /// <summary>The running server.</summary>
    public MariaDbServer Server => _server.Value;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_server.IsValueCreated)
        {
            _server.Value.Dispose();
        }
    }
}
