"""Python tools of the Orchid compiler.

`orchid.export` turns a PyTorch Hyena or Orchid layer (a module object, or a
checkpoint plus the layer's configuration) into the weights directory and
the `.mlir` file that `orchid-run` executes; `orchid.testing.modules` holds
PyTorch implementations of the original layers that the tests compare the
compiled blocks with. Submodules import torch and NumPy; this one imports
nothing.
"""
