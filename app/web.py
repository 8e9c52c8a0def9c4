"""Gradio web chat. It renders the service's answers; all logic lives below ``app``."""

from __future__ import annotations

from typing import Any

import gradio as gr

from app.render import render_answer
from app.service import Baocao

EXAMPLES = [
    "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2019?",
    "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 của các KCN tỉnh Bến Tre đạt bao nhiêu % kế hoạch?",
    "Đến tháng 6/2020, tổng số lao động tại các khu công nghiệp Cần Thơ là bao nhiêu?",
]


def build_app(service: Baocao) -> gr.Blocks:
    def respond(message: str, history: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
        question = (message or "").strip()
        if not question:
            return "", history
        answer = service.ask(question)
        history = [
            *history,
            {"role": "user", "content": question},
            {"role": "assistant", "content": render_answer(answer)},
        ]
        return "", history

    def ask_json(question: str) -> dict[str, Any]:
        """The ``ask --json`` object, for API clients."""
        return service.ask((question or "").strip()).to_json()

    with gr.Blocks(title="baocao — hỏi đáp báo cáo") as demo:
        gr.Markdown(
            "## baocao — Hỏi đáp trên các báo cáo thi đua, khen thưởng\n"
            "Câu trả lời trích nguyên văn từ báo cáo, có trích dẫn nguồn."
        )
        chatbot = gr.Chatbot(label="Hội thoại", height=520)
        with gr.Row():
            box = gr.Textbox(placeholder="Nhập câu hỏi (có dấu hoặc không dấu)…", show_label=False, scale=8)
            send = gr.Button("Gửi", variant="primary", scale=1)
        gr.Examples(EXAMPLES, inputs=box, label="Câu hỏi mẫu")
        box.submit(respond, [box, chatbot], [box, chatbot], api_name=False)
        send.click(respond, [box, chatbot], [box, chatbot], api_name=False)
        api_question = gr.Textbox(visible=False)
        api_answer = gr.JSON(visible=False)
        api_question.submit(ask_json, api_question, api_answer, api_name="ask")
    return demo


def launch(service: Baocao, host: str, port: int) -> None:
    outcomes = service.ensure_samples()
    for outcome in outcomes:
        print(f"indexed sample {outcome.source}: {outcome.status} ({outcome.chunks} chunks)")
    build_app(service).queue().launch(server_name=host, server_port=port, show_error=True)
