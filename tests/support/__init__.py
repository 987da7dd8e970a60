"""Test data and helpers shared by several test folders."""
