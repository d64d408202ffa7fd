using RemitCompare.Cli;

return CliApp.Build().Parse(args).Invoke();
