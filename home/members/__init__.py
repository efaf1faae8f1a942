"""Members of the association: their documents and downloads, profiles, roles and sign-in."""
