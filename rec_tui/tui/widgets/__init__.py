"""Small widgets the wizard's panes and forms are built from."""
