"""Whether the web chat's port is free, told before minutes of loading the model and the
index are spent: uvicorn's own "[Errno 98] address already in use" came only after them, and
said neither what to do nor which setting changes the port."""

from __future__ import annotations

import errno
import socket


class PortInUseError(RuntimeError):
    pass


def ensure_port_free(host: str, port: int) -> None:
    """Raise ``PortInUseError`` with a message saying how to pick another port when
    ``host:port`` is taken. Bound as uvicorn binds it (``SO_REUSEADDR``), so a port left in
    TIME_WAIT by a stopped server counts as free, as it is for uvicorn."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            other = port + 1
            raise PortInUseError(
                f"Cổng {port} trên {host} đang được dùng (baocao đã chạy? Mở http://{host}:{port}/). "
                f"Chọn cổng khác: BAOCAO_PORT={other} make run, hoặc baocao serve --port {other}.\n"
                f"Port {port} on {host} is in use (is baocao already running? Open http://{host}:{port}/). "
                f"Pick another: BAOCAO_PORT={other} make run, or baocao serve --port {other}."
            ) from None
