"""The commands' exit codes: the outcome of a run as a script sees it. Apart from the Report, so that
the command line's start (its help, its usage errors) imports nothing else."""

EXIT_OK = 0
EXIT_UNUSABLE = 1  # nothing usable (an invalid campaign, no submission read), or the machine refused (disk, lock)
EXIT_USAGE = 2  # wrong arguments, or a request refused before any work (an output that would overwrite)
EXIT_STRICT = 3  # --strict and errors were found
EXIT_INTERNAL = 4  # a bug: please report it (run again with --debug for the traceback)
