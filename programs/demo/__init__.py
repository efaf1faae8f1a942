"""Demo content of the programs app: content.yaml, read by home.demo.loader."""
