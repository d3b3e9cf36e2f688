"""Networks, checkpoints and the inference engine.

Modules that need torch import it themselves; `styles`, `lines` and `preprocess` stay
torch-free so that the installer edition can run on ONNX Runtime alone.
"""
