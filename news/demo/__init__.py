"""Demo content of the news app: content.yaml, read by home.demo.loader."""
