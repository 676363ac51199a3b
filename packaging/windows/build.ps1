# Build the Windows one-folder app and installer. Run in PowerShell from the repository root on a
# Windows PC with Python 3.11+ and Inno Setup 6 installed (see packaging/README.md).
$ErrorActionPreference = "Stop"
py -3.11 -m venv .venv
.venv\Scripts\python -m pip install --upgrade pip
.venv\Scripts\python -m pip install -e . "pyinstaller>=6.6"
$env:RADIO_DESK_MODELS = "$PWD\build\model"
.venv\Scripts\python -c "from radio_desk.transcribe.models import ensure_bundled_model; print(ensure_bundled_model())"
.venv\Scripts\python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\radio-desk.spec
$version = .venv\Scripts\python -c "import radio_desk; print(radio_desk.__version__)"
& "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" "/DAppVersion=$version" packaging\windows\radio-desk.iss
dist\radio-desk\radio-desk.exe --self-test
