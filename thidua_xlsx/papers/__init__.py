"""The papers people sign (Word and PDF: Tờ trình, Biên bản, Phiếu, lists), made from decided results."""
