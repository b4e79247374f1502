"""echoscope: find reused passages and trace talking points across speeches, statements and news."""

__version__ = "0.1.0"
