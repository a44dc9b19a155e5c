"""Test support: PyTorch implementations of the original layers."""
