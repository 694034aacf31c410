"""Versions stamped on every record that leaves the coder."""

CODER_VERSION = "0.1.0"
CODEBOOK_VERSION = "CAMEO-1.1b3+PLOVER-2021-09-17"
