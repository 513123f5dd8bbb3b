"""factquiz: a fact-check and quiz trainer for journalism students."""

__version__ = "0.1.0"
