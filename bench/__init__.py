"""Load benchmark for Dearly: `make bench` runs bench.run."""
