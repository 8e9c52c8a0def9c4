import pytest

from app.llm import LLMConfigError, backend_for
from app.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.unit


def test_every_setting_is_documented_in_env_example():
    documented = (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8")
    assert [f for f in Settings.model_fields if f"BAOCAO_{f.upper()}=" not in documented] == []


def test_the_llm_backend_follows_the_configuration(tmp_path):
    def settings(**values) -> Settings:
        return Settings(home=tmp_path, _env_file=None, **values)

    assert backend_for(settings()) is None
    assert backend_for(settings(llm_base_url="http://127.0.0.1:8080/v1")).name == "openai-compatible"
    assert backend_for(settings(llm_gguf="model.gguf")).name == "gguf"
    with pytest.raises(LLMConfigError, match="only one"):
        backend_for(settings(llm_gguf="m.gguf", llm_base_url="http://x/v1"))


def test_an_endpoint_without_a_model_name_says_how_to_fix_it(tmp_path):
    from app.llm import make_chat_model

    with pytest.raises(LLMConfigError, match="BAOCAO_LLM_MODEL"):
        make_chat_model(Settings(home=tmp_path, _env_file=None, llm_base_url="http://127.0.0.1:1/v1"))


def test_the_api_key_is_never_printed(tmp_path):
    settings = Settings(home=tmp_path, _env_file=None, llm_api_key="sk-secret-123")
    assert "sk-secret-123" not in repr(settings) and "sk-secret-123" not in str(settings.model_dump())


def test_an_unknown_gguf_says_how_to_fix_it():
    from app.llm.gguf import resolve_gguf

    with pytest.raises(LLMConfigError, match=r"path of a \.gguf file"):
        resolve_gguf("no_such_model_package")


def test_the_default_home_does_not_depend_on_the_folder_a_command_runs_in(tmp_path, monkeypatch):
    from app.settings import PROJECT_ROOT, Settings

    monkeypatch.delenv("BAOCAO_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert Settings(_env_file=None).home == PROJECT_ROOT / ".baocao"  # a source checkout
    monkeypatch.setenv("BAOCAO_HOME", "")
    assert Settings(_env_file=None).home == PROJECT_ROOT / ".baocao"  # empty, as in .env.example
