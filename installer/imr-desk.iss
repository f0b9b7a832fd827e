; Inno Setup script: a per-user install (no administrator rights) of dist\imr-desk\.
; Build on Windows after `python installer\build.py`:  iscc installer\imr-desk.iss
#define AppVersion "0.1.0"

[Setup]
AppId={{6F1D6C52-3C1B-4B7E-9B61-4E1C2A7D0F10}
AppName=imr-desk
AppVersion={#AppVersion}
AppPublisher=imr-desk
DefaultDirName={localappdata}\Programs\imr-desk
DefaultGroupName=imr-desk
PrivilegesRequired=lowest
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=imr-desk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\imr-desk.ico
UninstallDisplayIcon={app}\imr-desk.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\dist\imr-desk\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{userprograms}\imr-desk"; Filename: "{app}\imr-desk.exe"
Name: "{userprograms}\Uninstall imr-desk"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\imr-desk.exe"; Description: "Start imr-desk"; Flags: nowait postinstall skipifsilent
