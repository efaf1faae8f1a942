"""What readers do besides reading: subscribing to the weekly digest, and the most-read list."""
