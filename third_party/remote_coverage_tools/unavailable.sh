#!/bin/sh
echo "coverage tools are not available in pyrt's offline build" >&2
exit 1
