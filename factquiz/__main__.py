"""`python -m factquiz`."""

from factquiz.cli import main

if __name__ == "__main__":
    main()
