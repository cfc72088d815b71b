#!/bin/sh
# /usr/bin/fazhi-report: the program lives in /opt/fazhi-report (installed by the .deb).
exec /opt/fazhi-report/fazhi-report "$@"
