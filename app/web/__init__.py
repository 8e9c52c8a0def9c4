"""Web app: Gradio chat and documents tab mounted in FastAPI beside the source view."""

from app.web.server import create_app, serve

__all__ = ["create_app", "serve"]
