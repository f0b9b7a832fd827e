"""imr_desk: a reviewer workstation for California DWC IMR Final Determination letters."""

__version__ = "0.1.0"
