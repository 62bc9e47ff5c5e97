"""The live-session TUI (Textual). Everything outside this package stays free of Textual."""
