"""What the machine gives: files written whole, locks, the worker pool, the clock and the voice, LibreOffice, the
key kept at home. No rule of the law lives here."""
