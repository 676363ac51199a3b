; Inno Setup script for the Windows installer of Radio Desk.
; Build the one-folder app first (packaging\windows\build.ps1), then: iscc packaging\windows\radio-desk.iss
; User data (database, recordings, settings, models) lives in the user's AppData folders and is never
; touched by install, upgrade or uninstall.

#define AppName "Radio Desk"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{8F3C2A9E-5B1D-4C7A-9E2F-6D4B1A0C7E35}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Radio Desk developers
DefaultDirName={autopf}\Radio Desk
DefaultGroupName=Radio Desk
OutputDir=..\..\dist
OutputBaseFilename=radio-desk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern
UninstallDisplayIcon={app}\radio-desk.exe
LicenseFile=..\..\packaging\LICENSES.txt

[Languages]
Name: "indonesian"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\radio-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Radio Desk"; Filename: "{app}\radio-desk.exe"
Name: "{group}\{cm:UninstallProgram,Radio Desk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Radio Desk"; Filename: "{app}\radio-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\radio-desk.exe"; Description: "{cm:LaunchProgram,Radio Desk}"; Flags: nowait postinstall skipifsilent
