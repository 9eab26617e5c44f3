"""Channel plugins: one module per channel, registered in the entry-point group
"buurtwacht.channels" and loaded by `registry`."""
