"""One form per wizard step, each built when the step is first shown."""
