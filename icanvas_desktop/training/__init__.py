"""Building data sets, augmenting sketches, training and evaluating styles. Builds on `ml/`."""
