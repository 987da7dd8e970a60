"""Talking to Agora: the REST client, its errors, exchanges, rate limit and the call sequence."""
