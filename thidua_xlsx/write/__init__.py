"""Writers of workbooks and the console's lines from decided results (summaries, department books, drafts,
feedback): never from what a reader found in a file."""
