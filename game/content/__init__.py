"""Level files and catalogs: TOML in, validated models out, every problem reported at once."""
