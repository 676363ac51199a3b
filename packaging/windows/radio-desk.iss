; Inno Setup 6 script for the Windows installer of Radio Desk.
; Build the one-folder app first (packaging\windows\build.ps1 does both; see packaging\README.md), or:
;   iscc /DAppVersion=0.1.0 packaging\windows\radio-desk.iss
;
; Upgrades install over the previous version (same AppId); the old program files are removed first
; so two versions' libraries never mix. User data (database, recordings, settings, logs, downloaded
; models: %LOCALAPPDATA%\RadioDesk\RadioDesk) is never touched by install, upgrade or uninstall;
; the new version migrates the database and settings when it starts.

#define AppName "Radio Desk"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{8F3C2A9E-5B1D-4C7A-9E2F-6D4B1A0C7E35}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Radio Desk developers
DefaultDirName={autopf}\Radio Desk
DefaultGroupName=Radio Desk
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=radio-desk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\radio-desk.ico
UninstallDisplayIcon={app}\radio-desk.exe
UninstallDisplayName={#AppName}
LicenseFile=..\LICENSES.txt
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; per-user install without admin rights, or for all users: the installer asks
PrivilegesRequiredOverridesAllowed=dialog
CloseApplications=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Indonesian is an unofficial Inno Setup translation: put Indonesian.isl next to this script to use it.
#if FileExists(AddBackslash(SourcePath) + "Indonesian.isl")
Name: "indonesian"; MessagesFile: "Indonesian.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; the previous version's program files only (never the user's data folders)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\radio-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\LICENSES.txt"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\Radio Desk"; Filename: "{app}\radio-desk.exe"
Name: "{group}\Radio Desk - uji mandiri"; Filename: "{cmd}"; Parameters: "/k ""{app}\radio-desk-cli.exe"" --self-test"; IconFilename: "{app}\radio-desk.exe"
Name: "{group}\{cm:UninstallProgram,Radio Desk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Radio Desk"; Filename: "{app}\radio-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\radio-desk.exe"; Description: "{cm:LaunchProgram,Radio Desk}"; Flags: nowait postinstall skipifsilent
