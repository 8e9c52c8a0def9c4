"""Web app: Gradio chat and documents tab mounted in FastAPI beside the source view
(``app.web.server``). Nothing is imported here: the CLI reads ``app.web.auth`` without
loading Gradio."""
