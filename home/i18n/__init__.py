"""Content in the reader's language: language versions of pages, translated links, tag names."""
