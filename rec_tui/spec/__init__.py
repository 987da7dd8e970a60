"""The Agora Cloud Recording API, declared once: fields, rules, codes, storage tables."""
