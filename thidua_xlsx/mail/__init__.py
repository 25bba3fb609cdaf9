"""The mail door: attachments fetched from saved messages or an IMAP mailbox and filed through the intake."""
