"""council-ocr: clean text and audited structured records from German council documents."""

__version__ = "0.1.0"
