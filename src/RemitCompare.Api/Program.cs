using RemitCompare.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddRemitCompare();

var app = builder.Build();
app.UseRemitCompare();
app.MapRemitCompare();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
