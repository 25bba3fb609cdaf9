"""What the machine gives: files written whole, locks, the worker pool, the clock and the voice, LibreOffice. No
rule of the law lives here (the commune's key file: :mod:`thidua_xlsx.commune.system_key`)."""
