"""The command line: a thin shell over the package's functions."""
