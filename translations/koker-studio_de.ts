<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Koker Studio</source>
        <translation>Über Koker Studio</translation>
    </message>
    <message>
        <source>Koker Studio</source>
        <translation>Koker Studio</translation>
    </message>
    <message>
        <source>A container studio for learning: run containers from images and watch every step the kernel takes to make them: namespaces, control groups, mounts, network devices and firewall rules.</source>
        <translation>Ein Container-Studio zum Lernen: Container aus Images starten und jeden Schritt verfolgen, mit dem der Kernel sie erzeugt: Namespaces, Control Groups, Mounts, Netzwerkgeräte und Firewall-Regeln.</translation>
    </message>
</context>
<context>
    <name>CleanupProofDialog</name>
    <message>
        <source>Proof of cleanup</source>
        <translation>Nachweis der Aufräumarbeit</translation>
    </message>
    <message>
        <source>Every change the container made on this computer, from its recorded steps, and what kokerd found when it looked again after the removal: mount tables, cgroup directories, network interfaces, firewall rules and address leases.</source>
        <translation>Jede Änderung, die der Container an diesem Computer vorgenommen hat, aus seinen aufgezeichneten Schritten, und was kokerd beim erneuten Nachsehen nach dem Entfernen gefunden hat: Mount-Tabellen, Cgroup-Verzeichnisse, Netzwerkschnittstellen, Firewall-Regeln und Adresszuweisungen.</translation>
    </message>
</context>
<context>
    <name>ContainerDetails</name>
    <message>
        <source>Select a container to see its steps, details, logs and graphs.</source>
        <translation>Wähle einen Container, um seine Schritte, Details, Logs und Diagramme zu sehen.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Every kernel-level step of this container&apos;s actions, live</source>
        <translation>Jeder Kernel-Schritt der Aktionen dieses Containers, live</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>The container&apos;s configuration, state, cgroups, mounts and network</source>
        <translation>Konfiguration, Zustand, cgroups, Mounts und Netzwerk des Containers</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>What the container&apos;s main process wrote</source>
        <translation>Was der Hauptprozess des Containers ausgegeben hat</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Mitlaufen</translation>
    </message>
    <message>
        <source>Keep reading new output as it arrives</source>
        <translation>Neue Ausgaben laufend mitlesen</translation>
    </message>
    <message>
        <source>&amp;Times</source>
        <translation>&amp;Zeiten</translation>
    </message>
    <message>
        <source>Show when each piece of output was written</source>
        <translation>Zeigen, wann jede Ausgabe geschrieben wurde</translation>
    </message>
    <message>
        <source>Search the logs</source>
        <translation>Logs durchsuchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Graphs</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Memory, CPU and processes over time, against their limits</source>
        <translation>Speicher, CPU und Prozesse über die Zeit, gemessen an ihren Grenzen</translation>
    </message>
    <message>
        <source>Under the hood</source>
        <translation>Unter der Haube</translation>
    </message>
    <message>
        <source>What the kernel says about the running container: namespaces, cgroup files, mounts, network</source>
        <translation>Was der Kernel über den laufenden Container sagt: Namespaces, Cgroup-Dateien, Mounts, Netzwerk</translation>
    </message>
</context>
<context>
    <name>ContainersView</name>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Filter by name, image or id</source>
        <translation>Nach Name, Image oder ID filtern</translation>
    </message>
    <message>
        <source>Show stopped</source>
        <translation>Gestoppte zeigen</translation>
    </message>
    <message>
        <source>Start a new container (Ctrl+R)</source>
        <translation>Einen neuen Container starten (Strg+R)</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>Start the selected container again</source>
        <translation>Den gewählten Container erneut starten</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Ask the container&apos;s main process to end (SIGTERM, then SIGKILL after 10 seconds)</source>
        <translation>Den Hauptprozess des Containers bitten, sich zu beenden (SIGTERM, nach 10 Sekunden SIGKILL)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>End the container&apos;s main process at once (SIGKILL)</source>
        <translation>Den Hauptprozess des Containers sofort beenden (SIGKILL)</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Abschießen</translation>
    </message>
    <message>
        <source>Remove the container and everything it made on this computer</source>
        <translation>Den Container entfernen und alles, was er auf diesem Rechner angelegt hat</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Connect a terminal to the container&apos;s main process</source>
        <translation>Ein Terminal mit dem Hauptprozess des Containers verbinden</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Open a new shell inside the container (Ctrl+T)</source>
        <translation>Eine neue Shell im Container öffnen (Strg+T)</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>No containers yet</source>
        <translation>Noch keine Container</translation>
    </message>
    <message>
        <source>A container is a process that runs in its own namespaces, under its own cgroup limits, on a copy-on-write view of an image. Start one and watch every step the kernel takes.</source>
        <translation>Ein Container ist ein Prozess, der in eigenen Namespaces läuft, unter eigenen cgroup-Grenzen, auf einer Copy-on-Write-Sicht eines Images. Starte einen und sieh dir jeden Schritt des Kernels an.</translation>
    </message>
    <message>
        <source>Run a container…</source>
        <translation>Einen Container starten…</translation>
    </message>
</context>
<context>
    <name>ExperimentsDialog</name>
    <message>
        <source>Guided experiments</source>
        <translation>Geführte Experimente</translation>
    </message>
    <message>
        <source>Each experiment runs a real container through kokerd with one limit set, provokes the limit, shows what the kernel did and removes the container again. Try the same commands in a terminal afterwards.</source>
        <translation>Jedes Experiment startet über kokerd einen echten Container mit einer gesetzten Grenze, reizt die Grenze aus, zeigt, was der Kernel getan hat, und entfernt den Container wieder. Probiere danach dieselben Befehle in einem Terminal aus.</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <source>The experiments need sh, sleep and cat: the starter image (busybox) has them</source>
        <translation>Die Experimente brauchen sh, sleep und cat: das Starter-Image (busybox) hat sie</translation>
    </message>
    <message>
        <source>Memory limit → OOM killer</source>
        <translation>Speichergrenze → OOM-Killer</translation>
    </message>
    <message>
        <source>Run the experiment</source>
        <translation>Experiment starten</translation>
    </message>
    <message>
        <source>Fork bomb → pids.max</source>
        <translation>Fork-Bombe → pids.max</translation>
    </message>
    <message>
        <source>CPU quota → throttling</source>
        <translation>CPU-Kontingent → Drosselung</translation>
    </message>
    <message>
        <source>--network host → the host&apos;s interfaces</source>
        <translation>--network host → die Schnittstellen des Hosts</translation>
    </message>
</context>
<context>
    <name>ImageInspectDialog</name>
    <message>
        <source>Inspect image</source>
        <translation>Image untersuchen</translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation>Image wird gelesen…</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Image ID:</source>
        <translation>Image-ID:</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Namen:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Plattform:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Entrypoint:</source>
        <translation>Entrypoint:</translation>
    </message>
    <message>
        <source>The program every container of this image starts; the command is given to it as arguments</source>
        <translation>Das Programm, das jeder Container dieses Images startet; der Befehl wird ihm als Argumente übergeben</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>What runs when you give no command of your own</source>
        <translation>Was läuft, wenn du keinen eigenen Befehl angibst</translation>
    </message>
    <message>
        <source>Working directory:</source>
        <translation>Arbeitsverzeichnis:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Exposed ports:</source>
        <translation>Freigegebene Ports:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Each layer is a set of file changes. Stacked with overlayfs, bottom first, they make the container&apos;s root file system; containers share them read-only.</source>
        <translation>Jede Schicht ist eine Menge von Dateiänderungen. Mit overlayfs übereinandergelegt, die unterste zuerst, ergeben sie das Wurzeldateisystem des Containers; Container teilen sie schreibgeschützt.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Content digest (DiffID)</source>
        <translation>Inhalts-Digest (DiffID)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt durch</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
</context>
<context>
    <name>ImagesView</name>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Filter by name, tag or id</source>
        <translation>Nach Name, Tag oder ID filtern</translation>
    </message>
    <message>
        <source>Download an image from a registry (Ctrl+P)</source>
        <translation>Ein Image aus einer Registry herunterladen (Strg+P)</translation>
    </message>
    <message>
        <source>Pull…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>Start a new container from the selected image (Ctrl+R)</source>
        <translation>Einen neuen Container aus dem gewählten Image starten (Strg+R)</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>Show the image&apos;s configuration, layers and history</source>
        <translation>Konfiguration, Schichten und Verlauf des Images zeigen</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <source>Remove the selected image name (the layers go when no name is left)</source>
        <translation>Den gewählten Image-Namen entfernen (die Schichten verschwinden, wenn kein Name übrig ist)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Load from or save to a file</source>
        <translation>Aus einer Datei laden oder in eine Datei speichern</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>No images yet</source>
        <translation>Noch keine Images</translation>
    </message>
    <message>
        <source>An image is the file system and settings a container starts from. Make a tiny starter image from the busybox on this computer (no internet needed), pull one from a registry, or load one from a file your teacher gave you.</source>
        <translation>Ein Image ist das Dateisystem samt Einstellungen, mit dem ein Container startet. Erzeuge ein kleines Starter-Image aus dem busybox dieses Rechners (ohne Internet), lade eines aus einer Registry herunter oder lade eines aus einer Datei, die du von deiner Lehrkraft bekommen hast.</translation>
    </message>
    <message>
        <source>Create the starter image</source>
        <translation>Starter-Image erzeugen</translation>
    </message>
    <message>
        <source>Pull an image…</source>
        <translation>Ein Image herunterladen…</translation>
    </message>
    <message>
        <source>Load from a file…</source>
        <translation>Aus einer Datei laden…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Koker Studio</source>
        <translation>Koker Studio</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>The images in the store (Alt+1)</source>
        <translation>Die Images im Speicher (Alt+1)</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Your containers (Alt+2)</source>
        <translation>Deine Container (Alt+2)</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>Terminals</translation>
    </message>
    <message>
        <source>Terminals attached to containers (Alt+3)</source>
        <translation>Mit Containern verbundene Terminals (Alt+3)</translation>
    </message>
    <message>
        <source>No terminal is open. Run an image with “Terminal” checked, or select a running container and press Shell (Ctrl+T) or Attach.</source>
        <translation>Kein Terminal ist offen. Starte ein Image mit aktiviertem „Terminal“ oder wähle einen laufenden Container und drücke Shell (Strg+T) oder Verbinden.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>&amp;Image</translation>
    </message>
    <message>
        <source>&amp;Container</source>
        <translation>&amp;Container</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Load image from a file…</source>
        <translation>Image aus einer Datei &amp;laden…</translation>
    </message>
    <message>
        <source>Load a docker-archive or OCI archive</source>
        <translation>Ein Docker- oder OCI-Archiv laden</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Save image to a file…</source>
        <translation>Image in eine Datei &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the selected image as a docker-archive</source>
        <translation>Das gewählte Image als Docker-Archiv speichern</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close Koker Studio (containers keep running)</source>
        <translation>Koker Studio schließen (Container laufen weiter)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Pull…</source>
        <translation>&amp;Herunterladen…</translation>
    </message>
    <message>
        <source>Download an image from a registry (Ctrl+P)</source>
        <translation>Ein Image aus einer Registry herunterladen (Strg+P)</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Create the &amp;starter image</source>
        <translation>&amp;Starter-Image erzeugen</translation>
    </message>
    <message>
        <source>Make starter:latest from this computer&apos;s busybox</source>
        <translation>starter:latest aus dem busybox dieses Rechners erzeugen</translation>
    </message>
    <message>
        <source>&amp;Inspect image</source>
        <translation>Image &amp;untersuchen</translation>
    </message>
    <message>
        <source>&amp;Remove image…</source>
        <translation>Image &amp;entfernen…</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>&amp;Starten…</translation>
    </message>
    <message>
        <source>Start a new container (Ctrl+R)</source>
        <translation>Einen neuen Container starten (Strg+R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>&amp;Abschießen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect a terminal to the container&apos;s main process</source>
        <translation>Ein Terminal mit dem Hauptprozess des Containers verbinden</translation>
    </message>
    <message>
        <source>&amp;Terminal</source>
        <translation>&amp;Terminal</translation>
    </message>
    <message>
        <source>Open a shell in the selected running container (Ctrl+T)</source>
        <translation>Eine Shell im gewählten laufenden Container öffnen (Strg+T)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>&amp;Images</translation>
    </message>
    <message>
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <source>&amp;Containers</source>
        <translation>&amp;Container</translation>
    </message>
    <message>
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <source>&amp;Terminals</source>
        <translation>&amp;Terminals</translation>
    </message>
    <message>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read images and containers again (F5)</source>
        <translation>Images und Container neu einlesen (F5)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Helper status, this computer&apos;s cgroups, registries</source>
        <translation>Zustand des Helfers, cgroups dieses Rechners, Registries</translation>
    </message>
    <message>
        <source>&amp;About Koker Studio</source>
        <translation>Über Koker &amp;Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>&amp;Lernen</translation>
    </message>
    <message>
        <source>Guided &amp;experiments…</source>
        <translation>Geführte &amp;Experimente…</translation>
    </message>
    <message>
        <source>Provoke the OOM killer, a fork bomb, CPU throttling and host networking in real containers, with the results explained</source>
        <translation>Den OOM-Killer, eine Fork-Bombe, CPU-Drosselung und Host-Netzwerk in echten Containern auslösen, mit erklärten Ergebnissen</translation>
    </message>
    <message>
        <source>&amp;Proof of cleanup of the last removal…</source>
        <translation>&amp;Nachweis der Aufräumarbeit der letzten Entfernung…</translation>
    </message>
    <message>
        <source>The checklist of everything the last removed container had changed on this computer, and whether it is gone</source>
        <translation>Die Checkliste von allem, was der zuletzt entfernte Container an diesem Computer geändert hatte, und ob es weg ist</translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Pull an image</source>
        <translation>Ein Image herunterladen</translation>
    </message>
    <message>
        <source>Download an image from a registry. “alpine” means docker.io/library/alpine:latest; a classroom registry looks like lab.local:5000/alpine.</source>
        <translation>Ein Image aus einer Registry herunterladen. „alpine“ bedeutet docker.io/library/alpine:latest; eine Registry im Klassenzimmer sieht aus wie lab.local:5000/alpine.</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <source>alpine:latest</source>
        <translation>alpine:latest</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <source>Leave empty for this computer&apos;s platform; images for other platforms download but do not run here</source>
        <translation>Leer lassen für die Plattform dieses Rechners; Images für andere Plattformen werden geladen, laufen hier aber nicht</translation>
    </message>
    <message>
        <source>%p % of all layers</source>
        <translation>%p % aller Schichten</translation>
    </message>
    <message>
        <source>&amp;Pull</source>
        <translation>&amp;Herunterladen</translation>
    </message>
    <message>
        <source>&amp;Cancel pull</source>
        <translation>Herunterladen &amp;abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Hide this window; a running pull goes on and its steps stay in the timeline</source>
        <translation>Dieses Fenster ausblenden; ein laufender Download geht weiter und seine Schritte bleiben in der Zeitleiste</translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <source>Run a Container</source>
        <translation>Einen Container starten</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <source>The image to run: one of yours, or a name such as alpine:3.19 (pulled when missing).</source>
        <translation>Das zu startende Image: eines deiner Images oder ein Name wie alpine:3.19 (wird heruntergeladen, wenn es fehlt).</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>generated when empty</source>
        <translation>wird erzeugt, wenn leer</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <source>the image&apos;s command, e.g. sh -c &apos;echo hello&apos;</source>
        <translation>der Befehl des Images, z. B. sh -c &apos;echo hallo&apos;</translation>
    </message>
    <message>
        <source>Words are split like a shell does: quote a word that has spaces (&apos;echo hi&apos;). Nothing is expanded: $HOME reaches the container as written.</source>
        <translation>Wörter werden wie in einer Shell getrennt: setze ein Wort mit Leerzeichen in Anführungszeichen (&apos;echo hi&apos;). Nichts wird ersetzt: $HOME kommt so im Container an, wie es geschrieben ist.</translation>
    </message>
    <message>
        <source>&amp;Entrypoint:</source>
        <translation>&amp;Entrypoint:</translation>
    </message>
    <message>
        <source>the image&apos;s entrypoint; &quot;&quot; for none</source>
        <translation>der Entrypoint des Images; &quot;&quot; für keinen</translation>
    </message>
    <message>
        <source>The program that runs the command. Like docker run --entrypoint, it replaces the image&apos;s entrypoint and clears the image&apos;s command.</source>
        <translation>Das Programm, das den Befehl ausführt. Wie bei docker run --entrypoint ersetzt es den Entrypoint des Images und leert dessen Befehl.</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>&amp;Arbeitsverzeichnis:</translation>
    </message>
    <message>
        <source>the image&apos;s, e.g. /app</source>
        <translation>das des Images, z. B. /app</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>the image&apos;s, e.g. 1000:1000 or nobody</source>
        <translation>der des Images, z. B. 1000:1000 oder nobody</translation>
    </message>
    <message>
        <source>&amp;Hostname:</source>
        <translation>&amp;Hostname:</translation>
    </message>
    <message>
        <source>the container&apos;s short id</source>
        <translation>die kurze ID des Containers</translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation>Terminal:</translation>
    </message>
    <message>
        <source>Keep input open (-&amp;i)</source>
        <translation>Eingabe offen halten (-&amp;i)</translation>
    </message>
    <message>
        <source>Allocate a terminal (-&amp;t)</source>
        <translation>Ein Terminal zuweisen (-&amp;t)</translation>
    </message>
    <message>
        <source>&amp;Remove the container when it exits (--rm)</source>
        <translation>Container beim Beenden &amp;entfernen (--rm)</translation>
    </message>
    <message>
        <source>&amp;Advanced: privileges and capabilities</source>
        <translation>&amp;Erweitert: Privilegien und Capabilities</translation>
    </message>
    <message>
        <source>&amp;Privileged: every capability, no seccomp filter (--privileged)</source>
        <translation>&amp;Privilegiert: alle Capabilities, kein seccomp-Filter (--privileged)</translation>
    </message>
    <message>
        <source>Add capa&amp;bilities:</source>
        <translation>Capa&amp;bilities hinzufügen:</translation>
    </message>
    <message>
        <source>e.g. NET_ADMIN SYS_TIME</source>
        <translation>z. B. NET_ADMIN SYS_TIME</translation>
    </message>
    <message>
        <source>&amp;Drop capabilities:</source>
        <translation>Capabilities &amp;entziehen:</translation>
    </message>
    <message>
        <source>e.g. NET_RAW, or ALL</source>
        <translation>z. B. NET_RAW oder ALL</translation>
    </message>
    <message>
        <source>En&amp;vironment</source>
        <translation>&amp;Umgebung</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>Variable hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Net&amp;work</source>
        <translation>Netz&amp;werk</translation>
    </message>
    <message>
        <source>Network &amp;mode:</source>
        <translation>Netzwerk&amp;modus:</translation>
    </message>
    <message>
        <source>Published ports (a host port forwarded to a container port):</source>
        <translation>Veröffentlichte Ports (ein Host-Port, der an einen Container-Port weitergeleitet wird):</translation>
    </message>
    <message>
        <source>Host IP</source>
        <translation>Host-IP</translation>
    </message>
    <message>
        <source>Host port</source>
        <translation>Host-Port</translation>
    </message>
    <message>
        <source>Container port</source>
        <translation>Container-Port</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Add port</source>
        <translation>Port hinzufügen</translation>
    </message>
    <message>
        <source>V&amp;olumes</source>
        <translation>V&amp;olumes</translation>
    </message>
    <message>
        <source>Host folder</source>
        <translation>Host-Ordner</translation>
    </message>
    <message>
        <source>Container path</source>
        <translation>Pfad im Container</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation>Ordner ändern…</translation>
    </message>
    <message>
        <source>Koker Studio opens each folder as you and hands the open folder to the helper, so a container can only get folders you can open yourself.</source>
        <translation>Koker Studio öffnet jeden Ordner als du und übergibt den geöffneten Ordner an den Helfer; ein Container bekommt also nur Ordner, die du selbst öffnen kannst.</translation>
    </message>
    <message>
        <source>&amp;Resources</source>
        <translation>&amp;Ressourcen</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Speicher:</translation>
    </message>
    <message>
        <source>Memory + &amp;swap:</source>
        <translation>Speicher + &amp;Swap:</translation>
    </message>
    <message>
        <source>&amp;CPUs:</source>
        <translation>&amp;CPUs:</translation>
    </message>
    <message>
        <source>&amp;Processes:</source>
        <translation>&amp;Prozesse:</translation>
    </message>
    <message>
        <source>0 means no limit. The line under each slider is the cgroup file the helper will write and the exact value, on this host.</source>
        <translation>0 bedeutet keine Grenze. Die Zeile unter jedem Schieberegler nennt die cgroup-Datei, die der Helfer auf diesem Rechner schreibt, und den genauen Wert.</translation>
    </message>
    <message>
        <source>The same from a terminal:</source>
        <translation>Dasselbe im Terminal:</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>Den Befehl in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>&amp;Pause before each step (--step)</source>
        <translation>Vor jedem Schritt &amp;anhalten (--step)</translation>
    </message>
    <message>
        <source>Start in step-through mode: the timeline shows the next step and waits for Next, Continue or Abort, so you can look at the host in between</source>
        <translation>Im Schrittmodus starten: die Zeitleiste zeigt den nächsten Schritt und wartet auf Weiter, Fortsetzen oder Abbrechen, damit du dir zwischendurch den Host ansehen kannst</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>Helfer</translation>
    </message>
    <message>
        <source>Koker Studio runs as you. Everything that needs root (namespaces, cgroups, mounts, network devices) is done by the helper, kokerd, which asks polkit whether you may, for every request.</source>
        <translation>Koker Studio läuft als du. Alles, was root braucht (Namespaces, cgroups, Mounts, Netzwerkgeräte), erledigt der Helfer kokerd, der bei jeder Anfrage polkit fragt, ob du das darfst.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Speicherort:</translation>
    </message>
    <message>
        <source>Where kokerd keeps images and containers (readable by root only)</source>
        <translation>Wo kokerd Images und Container ablegt (nur für root lesbar)</translation>
    </message>
    <message>
        <source>You are:</source>
        <translation>Du bist:</translation>
    </message>
    <message>
        <source>Ask for a password when polkit needs one</source>
        <translation>Nach einem Passwort fragen, wenn polkit eines braucht</translation>
    </message>
    <message>
        <source>When off, actions that need an administrator&apos;s password fail with a message instead of asking</source>
        <translation>Wenn aus, scheitern Aktionen, die ein Administratorpasswort brauchen, mit einer Meldung, statt zu fragen</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <source>Control groups:</source>
        <translation>Control Groups:</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>CPUs:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Speicher:</translation>
    </message>
    <message>
        <source>Swap accounting:</source>
        <translation>Swap-Abrechnung:</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>Registries</translation>
    </message>
    <message>
        <source>Images without a registry in their name come from Docker Hub (docker.io): “alpine” is docker.io/library/alpine:latest. Registries on this computer (localhost, 127.0.0.1) may use plain HTTP. Any other registry needs HTTPS unless the administrator marks it insecure in /etc/koker/registries.conf. Log in to a private registry with “koker login”.</source>
        <translation>Images ohne Registry im Namen kommen von Docker Hub (docker.io): „alpine“ ist docker.io/library/alpine:latest. Registries auf diesem Rechner (localhost, 127.0.0.1) dürfen einfaches HTTP verwenden. Jede andere Registry braucht HTTPS, außer der Administrator markiert sie in /etc/koker/registries.conf als unsicher. Bei einer privaten Registry meldest du dich mit „koker login“ an.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The new language is used the next time Koker Studio starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Koker Studio.</translation>
    </message>
</context>
<context>
    <name>StepDetailsPane</name>
    <message>
        <source>Step details</source>
        <translation>Schrittdetails</translation>
    </message>
    <message>
        <source>Select a step on the timeline or in the list to see what it did, the command that does the same, and why it is needed.</source>
        <translation>Wähle einen Schritt in der Zeitleiste oder in der Liste, um zu sehen, was er getan hat, welcher Befehl dasselbe tut und wozu er nötig ist.</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Wo:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Step kind:</source>
        <translation>Art des Schritts:</translation>
    </message>
    <message>
        <source>Kernel operation</source>
        <translation>Kernel-Operation</translation>
    </message>
    <message>
        <source>The same from a shell</source>
        <translation>Dasselbe in einer Shell</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>Den Befehl in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>What happens here</source>
        <translation>Was hier passiert</translation>
    </message>
</context>
<context>
    <name>StepExplanations</name>
    <message>
        <source>Image steps bring an image&apos;s files onto this machine: its manifest, its config and its layers, from a registry or an archive. Everything lands in a content-addressed store, where each file is named by the sha256 of its content.</source>
        <translation>Image-Schritte holen die Dateien eines Images auf diesen Rechner: sein Manifest, seine Konfiguration und seine Schichten, aus einer Registry oder einem Archiv. Alles landet in einem inhaltsadressierten Speicher, in dem jede Datei nach dem sha256 ihres Inhalts benannt ist.</translation>
    </message>
    <message>
        <source>Storage steps prepare the files the container sees: its own writable layer on top of the shared image layers, and the special file systems a Linux program expects. Nothing in the image itself is ever changed.</source>
        <translation>Speicher-Schritte bereiten die Dateien vor, die der Container sieht: seine eigene beschreibbare Schicht über den gemeinsamen Image-Schichten und die besonderen Dateisysteme, die ein Linux-Programm erwartet. Am Image selbst wird nie etwas geändert.</translation>
    </message>
    <message>
        <source>Control groups (cgroups) are how the kernel limits and measures a group of processes: memory, CPU time, number of processes, devices. A cgroup is a directory; its settings are files you write to.</source>
        <translation>Control Groups (cgroups) sind das Mittel des Kernels, eine Gruppe von Prozessen zu begrenzen und zu messen: Speicher, CPU-Zeit, Anzahl der Prozesse, Geräte. Eine cgroup ist ein Verzeichnis; ihre Einstellungen sind Dateien, in die man schreibt.</translation>
    </message>
    <message>
        <source>A limit is a number written to a file of the container&apos;s cgroup. From then on the kernel enforces it for every process of the container, children included.</source>
        <translation>Eine Grenze ist eine Zahl, die in eine Datei der cgroup des Containers geschrieben wird. Von da an setzt der Kernel sie für jeden Prozess des Containers durch, Kindprozesse eingeschlossen.</translation>
    </message>
    <message>
        <source>Network steps give the container its own network: a namespace with its own interfaces, a virtual cable (veth) to a bridge on the host, an address, routes and firewall rules for NAT. Each is a netlink request or a file write you could do with ip(8) and iptables(8).</source>
        <translation>Netzwerk-Schritte geben dem Container ein eigenes Netzwerk: einen Namespace mit eigenen Schnittstellen, ein virtuelles Kabel (veth) zu einer Bridge auf dem Host, eine Adresse, Routen und Firewall-Regeln für NAT. Jeder ist eine netlink-Anfrage oder ein Dateischreiben, das du auch mit ip(8) und iptables(8) erledigen könntest.</translation>
    </message>
    <message>
        <source>Network interfaces (links) are created, configured and deleted with netlink requests (RTM_NEWLINK, RTM_DELLINK). The ip link command sends the same requests.</source>
        <translation>Netzwerkschnittstellen (Links) werden mit netlink-Anfragen angelegt, eingerichtet und gelöscht (RTM_NEWLINK, RTM_DELLINK). Der Befehl ip link sendet dieselben Anfragen.</translation>
    </message>
    <message>
        <source>iptables rules tell the kernel&apos;s packet filter what to do with packets: accept, drop or rewrite their addresses (NAT). koker keeps its rules in its own chains, marked with comments, so it can remove exactly what it added.</source>
        <translation>iptables-Regeln sagen dem Paketfilter des Kernels, was er mit Paketen tun soll: annehmen, verwerfen oder ihre Adressen umschreiben (NAT). koker hält seine Regeln in eigenen Ketten, mit Kommentaren markiert, damit es genau das entfernen kann, was es hinzugefügt hat.</translation>
    </message>
    <message>
        <source>Namespaces give a process its own view of one part of the system: process ids, mounts, network, hostname, IPC or cgroups. A container is a process in new namespaces, nothing more.</source>
        <translation>Namespaces geben einem Prozess seine eigene Sicht auf einen Teil des Systems: Prozess-IDs, Mounts, Netzwerk, Hostname, IPC oder cgroups. Ein Container ist ein Prozess in neuen Namespaces, nicht mehr.</translation>
    </message>
    <message>
        <source>Mount steps build the container&apos;s file system tree inside its own mount namespace. What is mounted there is invisible to the host.</source>
        <translation>Mount-Schritte bauen den Dateisystembaum des Containers in seinem eigenen Mount-Namespace. Was dort eingehängt wird, ist für den Host unsichtbar.</translation>
    </message>
    <message>
        <source>Process steps prepare the program that will run: its standard streams, its user, its capabilities and its system call filter, until execve() starts it. Most run in the new process itself, between clone and execve, and report back to the host over a socket.</source>
        <translation>Prozess-Schritte bereiten das Programm vor, das laufen wird: seine Standardkanäle, seinen Benutzer, seine Capabilities und seinen Systemaufruf-Filter, bis execve() es startet. Die meisten laufen im neuen Prozess selbst, zwischen clone und execve, und melden sich über einen Socket beim Host zurück.</translation>
    </message>
    <message>
        <source>Container steps keep koker&apos;s own record of the container: its configuration and state under the store. They do not touch the kernel.</source>
        <translation>Container-Schritte führen kokers eigene Aufzeichnung über den Container: seine Konfiguration und seinen Zustand im Speicher. Den Kernel berühren sie nicht.</translation>
    </message>
    <message>
        <source>Cleanup steps undo what setup did: stop the processes, remove cgroups, network links and rules, unmount and delete files. Each mirrors a setup step, in reverse order, so nothing is left behind on the host.</source>
        <translation>Aufräum-Schritte machen rückgängig, was die Einrichtung getan hat: Prozesse beenden, cgroups, Netzwerk-Links und Regeln entfernen, aushängen und Dateien löschen. Jeder spiegelt einen Einrichtungsschritt, in umgekehrter Reihenfolge, damit auf dem Host nichts zurückbleibt.</translation>
    </message>
    <message>
        <source>koker records the container before anything else: a directory of its own in the store with config.json, holding the image, command and limits you chose. Nothing runs yet; koker inspect reads this record back.</source>
        <translation>koker legt den Container zuerst als Datensatz an: ein eigenes Verzeichnis im Speicher mit config.json, das das gewählte Image, den Befehl und die Grenzen enthält. Noch läuft nichts; koker inspect liest diesen Datensatz wieder.</translation>
    </message>
    <message>
        <source>Every container needs its own hostname, /etc/hosts and /etc/resolv.conf. koker writes them next to the container and later bind-mounts them over the image&apos;s files, so the image itself is never changed.</source>
        <translation>Jeder Container braucht seinen eigenen Hostnamen, /etc/hosts und /etc/resolv.conf. koker schreibt sie neben den Container und hängt sie später per Bind-Mount über die Dateien des Images, sodass das Image selbst nie verändert wird.</translation>
    </message>
    <message>
        <source>A volume is a host folder you chose. The studio opened it and passed the open file descriptor, and koker bind-mounts exactly that descriptor, so a path swapped for a symlink later cannot redirect the container elsewhere.</source>
        <translation>Ein Volume ist ein Host-Ordner, den du gewählt hast. Das Studio hat ihn geöffnet und den offenen Dateideskriptor übergeben, und koker hängt genau diesen Deskriptor ein; ein Pfad, der später durch einen symbolischen Link ersetzt wird, kann den Container also nicht woandershin umleiten.</translation>
    </message>
    <message>
        <source>Runtime files of a running container, such as its attach socket, live under /run/koker. Once the container is gone they are removed, so nothing stale is left for the next one.</source>
        <translation>Laufzeitdateien eines laufenden Containers, etwa sein Attach-Socket, liegen unter /run/koker. Sobald der Container weg ist, werden sie entfernt, damit für den nächsten nichts Veraltetes liegen bleibt.</translation>
    </message>
    <message>
        <source>Removing a container deletes its directory, with the writable layer that held all its changes. The image layers are untouched: other containers still use them.</source>
        <translation>Beim Entfernen eines Containers wird sein Verzeichnis gelöscht, samt der beschreibbaren Schicht mit all seinen Änderungen. Die Image-Schichten bleiben unberührt: andere Container verwenden sie noch.</translation>
    </message>
    <message>
        <source>A cgroup is a directory in the cgroup file system: creating the directory creates the group. On a v1 or hybrid host there is one tree per controller (memory, cpu, pids, ...), so koker creates one directory in each.</source>
        <translation>Eine cgroup ist ein Verzeichnis im cgroup-Dateisystem: das Anlegen des Verzeichnisses legt die Gruppe an. Auf einem v1- oder Hybrid-Host gibt es einen Baum pro Controller (memory, cpu, pids, …), also legt koker in jedem ein Verzeichnis an.</translation>
    </message>
    <message>
        <source>On cgroup v2 a controller such as memory or pids must be switched on for a group&apos;s children before their limit files appear. Writing &quot;+memory +pids&quot; to cgroup.subtree_control in the parent does that.</source>
        <translation>Bei cgroup v2 muss ein Controller wie memory oder pids für die Kinder einer Gruppe eingeschaltet werden, bevor deren Grenzdateien erscheinen. Das geschieht, indem man &quot;+memory +pids&quot; in cgroup.subtree_control der Elterngruppe schreibt.</translation>
    </message>
    <message>
        <source>A new cpuset cgroup (v1) starts with no CPUs and no memory nodes, and no process can join an empty cpuset. koker copies the parent&apos;s cpuset.cpus and cpuset.mems so the container may use them.</source>
        <translation>Eine neue cpuset-cgroup (v1) beginnt ohne CPUs und ohne Speicherknoten, und kein Prozess kann einem leeren cpuset beitreten. koker kopiert cpuset.cpus und cpuset.mems der Elterngruppe, damit der Container sie nutzen darf.</translation>
    </message>
    <message>
        <source>This write sets the memory limit. When the container&apos;s processes use more, the kernel first reclaims memory and then the OOM killer kills one of them. The file is memory.max on cgroup v2 and memory.limit_in_bytes on v1.</source>
        <translation>Dieses Schreiben setzt die Speichergrenze. Verbrauchen die Prozesse des Containers mehr, holt sich der Kernel zuerst Speicher zurück, dann beendet der OOM-Killer einen von ihnen. Die Datei heißt memory.max bei cgroup v2 und memory.limit_in_bytes bei v1.</translation>
    </message>
    <message>
        <source>On cgroup v1 swap is limited together with memory: memory.memsw.limit_in_bytes caps memory plus swap. It is written after the memory limit, because the kernel refuses a memory+swap limit below the memory limit.</source>
        <translation>Bei cgroup v1 wird Swap zusammen mit dem Speicher begrenzt: memory.memsw.limit_in_bytes begrenzt Speicher plus Swap. Es wird nach der Speichergrenze geschrieben, weil der Kernel eine Speicher+Swap-Grenze unterhalb der Speichergrenze ablehnt.</translation>
    </message>
    <message>
        <source>On cgroup v2 swap has its own limit, memory.swap.max. Writing 0 forbids swapping, so the memory limit is a hard wall; &quot;max&quot; lets the container swap freely.</source>
        <translation>Bei cgroup v2 hat Swap eine eigene Grenze, memory.swap.max. 0 verbietet das Auslagern, sodass die Speichergrenze eine harte Wand ist; &quot;max&quot; lässt den Container frei auslagern.</translation>
    </message>
    <message>
        <source>A CPU limit is a quota per period: &quot;50000 100000&quot; means 50 ms of CPU time in every 100 ms, half a core. When the container has used its quota its threads wait, throttled, until the next period begins.</source>
        <translation>Eine CPU-Grenze ist ein Kontingent pro Zeitraum: &quot;50000 100000&quot; bedeutet 50 ms CPU-Zeit in jeweils 100 ms, also einen halben Kern. Hat der Container sein Kontingent verbraucht, warten seine Threads gedrosselt, bis der nächste Zeitraum beginnt.</translation>
    </message>
    <message>
        <source>pids.max limits how many processes and threads the container may have at once. A fork bomb stops at the limit: fork() fails with EAGAIN instead of filling the host&apos;s process table.</source>
        <translation>pids.max begrenzt, wie viele Prozesse und Threads der Container gleichzeitig haben darf. Eine Fork-Bombe stoppt an der Grenze: fork() scheitert mit EAGAIN, statt die Prozesstabelle des Hosts zu füllen.</translation>
    </message>
    <message>
        <source>On cgroup v1 the devices controller decides which device files the container may open. Writing &quot;a&quot; to devices.deny first forbids every device; the next step allows back only the harmless ones.</source>
        <translation>Bei cgroup v1 entscheidet der devices-Controller, welche Gerätedateien der Container öffnen darf. &quot;a&quot; in devices.deny verbietet zuerst jedes Gerät; der nächste Schritt erlaubt nur die harmlosen wieder.</translation>
    </message>
    <message>
        <source>Each line written to devices.allow permits one kind of device: &quot;c 1:3 rwm&quot; is the character device 1:3 (/dev/null) for read, write and mknod. The list is Docker&apos;s default: null, zero, random, tty and pseudo-terminals.</source>
        <translation>Jede in devices.allow geschriebene Zeile erlaubt eine Art Gerät: &quot;c 1:3 rwm&quot; ist das Zeichengerät 1:3 (/dev/null) zum Lesen, Schreiben und für mknod. Die Liste ist Dockers Standard: null, zero, random, tty und Pseudoterminals.</translation>
    </message>
    <message>
        <source>The container&apos;s first process puts itself into its cgroups before it runs a single instruction of your program: clone3() starts it in the cgroup2 directory, and it writes &quot;0&quot; (itself) to the tasks file of each v1 hierarchy. Writing a pid to cgroup.procs would do the same, but it takes a global lock that waits for an RCU grace period, several milliseconds. Its children are then born in the same cgroups, and the limits apply to them all.</source>
        <translation>Der erste Prozess des Containers bringt sich selbst in seine cgroups, bevor er eine einzige Anweisung deines Programms ausführt: clone3() startet ihn im cgroup2-Verzeichnis, und er schreibt „0“ (sich selbst) in die Datei tasks jeder v1-Hierarchie. Eine PID in cgroup.procs zu schreiben, täte dasselbe, nimmt aber eine globale Sperre, die auf eine RCU-Schonfrist wartet, einige Millisekunden. Seine Kinder entstehen dann in denselben cgroups, und die Grenzen gelten für alle.</translation>
    </message>
    <message>
        <source>A process started with exec must join the container&apos;s cgroups too, or its memory and CPU time would not count against the container&apos;s limits. Like the container&apos;s first process, it is born in the cgroup2 directory and writes &quot;0&quot; (itself) to the tasks file of each v1 hierarchy.</source>
        <translation>Ein mit exec gestarteter Prozess muss ebenfalls den cgroups des Containers beitreten, sonst würden sein Speicher und seine CPU-Zeit nicht auf die Grenzen des Containers angerechnet. Wie der erste Prozess des Containers entsteht er im cgroup2-Verzeichnis und schreibt „0“ (sich selbst) in die Datei tasks jeder v1-Hierarchie.</translation>
    </message>
    <message>
        <source>A write to a cgroup file changes how the kernel treats every process in that group. The files are plain text: read them with cat and change them with echo.</source>
        <translation>Ein Schreiben in eine cgroup-Datei ändert, wie der Kernel jeden Prozess dieser Gruppe behandelt. Die Dateien sind reiner Text: lies sie mit cat und ändere sie mit echo.</translation>
    </message>
    <message>
        <source>Writing 1 to cgroup.kill (Linux 5.14 and later) kills every process in the group at once, with no race against processes that fork. Without that file, koker sends SIGKILL to each pid listed in cgroup.procs.</source>
        <translation>Eine 1 in cgroup.kill (ab Linux 5.14) beendet jeden Prozess der Gruppe auf einmal, ohne Wettlauf mit Prozessen, die forken. Ohne diese Datei schickt koker SIGKILL an jede PID in cgroup.procs.</translation>
    </message>
    <message>
        <source>On cgroup v1 the freezer stops every process in the group. Frozen processes cannot fork, so koker can read the list of pids and kill them all without a new one slipping through.</source>
        <translation>Bei cgroup v1 hält der freezer jeden Prozess der Gruppe an. Eingefrorene Prozesse können nicht forken, daher kann koker die PID-Liste lesen und alle beenden, ohne dass ein neuer durchrutscht.</translation>
    </message>
    <message>
        <source>A killed process only dies when it runs again, and a frozen one does not run. So the group is thawed right after SIGKILL was sent.</source>
        <translation>Ein beendeter Prozess stirbt erst, wenn er wieder läuft, und ein eingefrorener läuft nicht. Deshalb wird die Gruppe direkt nach dem SIGKILL wieder aufgetaut.</translation>
    </message>
    <message>
        <source>Only an empty group can be removed. With cgroup v2 (or hybrid) koker reads cgroup.events, where the kernel keeps &quot;populated 0&quot; once the last process has gone; on v1 it reads cgroup.procs until it is empty. After the container&apos;s init has exited this is immediate: its PID namespace died with it.</source>
        <translation>Nur eine leere Gruppe kann entfernt werden. Mit cgroup v2 (oder hybrid) liest koker cgroup.events, wo der Kernel &quot;populated 0&quot; einträgt, sobald der letzte Prozess weg ist; unter v1 liest es cgroup.procs, bis die Datei leer ist. Nach dem Ende des Init-Prozesses geht das sofort: sein PID-Namensraum ist mit ihm gestorben.</translation>
    </message>
    <message>
        <source>A cgroup is removed with rmdir once no process is left in it. The kernel then forgets its limits and counters.</source>
        <translation>Eine cgroup wird mit rmdir entfernt, sobald kein Prozess mehr darin ist. Der Kernel vergisst dann ihre Grenzen und Zähler.</translation>
    </message>
    <message>
        <source>IPAM (IP address management) picks a free address for the container on its network. It is written to a leases file under a lock, so two containers started at once never get the same address.</source>
        <translation>IPAM (IP-Adressverwaltung) wählt eine freie Adresse für den Container in seinem Netzwerk. Sie wird unter einer Sperre in eine Lease-Datei geschrieben, damit zwei gleichzeitig gestartete Container nie dieselbe Adresse bekommen.</translation>
    </message>
    <message>
        <source>The container&apos;s address goes back to the network&apos;s pool. A later container can then get it.</source>
        <translation>Die Adresse des Containers geht zurück in den Vorrat des Netzwerks. Ein späterer Container kann sie dann bekommen.</translation>
    </message>
    <message>
        <source>Addresses leased to containers that no longer exist (after a crash or a power cut) are freed, so the pool does not run dry. This runs under the same lock as leasing.</source>
        <translation>Adressen von Containern, die es nicht mehr gibt (nach einem Absturz oder Stromausfall), werden freigegeben, damit der Vorrat nicht ausgeht. Das läuft unter derselben Sperre wie die Vergabe.</translation>
    </message>
    <message>
        <source>A bridge is a virtual network switch inside the kernel. Every container on the network plugs one end of its veth cable into it, so containers reach each other and, through the host, the outside world.</source>
        <translation>Eine Bridge ist ein virtueller Netzwerk-Switch im Kernel. Jeder Container im Netzwerk steckt ein Ende seines veth-Kabels hinein, sodass Container einander und, über den Host, die Außenwelt erreichen.</translation>
    </message>
    <message>
        <source>The network&apos;s bridge already exists from an earlier container. koker only checks that it is up and has the gateway address, and fixes what is missing.</source>
        <translation>Die Bridge des Netzwerks existiert schon von einem früheren Container. koker prüft nur, dass sie aktiv ist und die Gateway-Adresse hat, und ergänzt, was fehlt.</translation>
    </message>
    <message>
        <source>A veth pair is a virtual network cable: a packet sent into one end comes out of the other. One end stays on the host; the other is created directly in the container&apos;s network namespace and becomes its eth0.</source>
        <translation>Ein veth-Paar ist ein virtuelles Netzwerkkabel: ein Paket, das in ein Ende geht, kommt am anderen heraus. Ein Ende bleibt auf dem Host; das andere wird direkt im Netzwerk-Namespace des Containers angelegt und wird sein eth0.</translation>
    </message>
    <message>
        <source>The host end of the veth cable is plugged into the bridge by making the bridge its master. The container is now connected to the network&apos;s virtual switch.</source>
        <translation>Das Host-Ende des veth-Kabels wird in die Bridge gesteckt, indem die Bridge sein Master wird. Der Container ist jetzt mit dem virtuellen Switch des Netzwerks verbunden.</translation>
    </message>
    <message>
        <source>A new interface is down until it is brought up (IFF_UP). Only then does it send and receive packets.</source>
        <translation>Eine neue Schnittstelle ist inaktiv, bis sie aktiviert wird (IFF_UP). Erst dann sendet und empfängt sie Pakete.</translation>
    </message>
    <message>
        <source>An interface can be moved into another network namespace. It then vanishes from the host&apos;s ip link and appears only inside the container.</source>
        <translation>Eine Schnittstelle kann in einen anderen Netzwerk-Namespace verschoben werden. Dann verschwindet sie aus ip link des Hosts und erscheint nur noch im Container.</translation>
    </message>
    <message>
        <source>Interfaces can be renamed only while they are down. Inside the container the interface is called eth0, as programs expect.</source>
        <translation>Schnittstellen lassen sich nur umbenennen, solange sie inaktiv sind. Im Container heißt die Schnittstelle eth0, wie Programme es erwarten.</translation>
    </message>
    <message>
        <source>The container&apos;s interface gets a MAC address made from its IP address (02:42:...), as Docker does. Neighbours&apos; ARP caches then stay right when an address is used again by another container.</source>
        <translation>Die Schnittstelle des Containers bekommt eine aus ihrer IP-Adresse gebildete MAC-Adresse (02:42:…), wie bei Docker. Die ARP-Caches der Nachbarn bleiben so korrekt, wenn eine Adresse später von einem anderen Container verwendet wird.</translation>
    </message>
    <message>
        <source>Deleting one end of a veth pair deletes both ends. If the container&apos;s network namespace is already gone, so is the pair, and ENODEV here is fine.</source>
        <translation>Das Löschen eines Endes eines veth-Paars löscht beide Enden. Ist der Netzwerk-Namespace des Containers schon weg, ist es das Paar auch, und ENODEV ist hier in Ordnung.</translation>
    </message>
    <message>
        <source>The host end of the veth cable is taken out of the bridge (its master is set to none), but not deleted: when the container&apos;s network namespace goes, the kernel deletes the container&apos;s eth0, and a veth pair never outlives one of its ends. The kernel does that on a worker of its own a few milliseconds later, so koker does not wait for it: deleting a network device waits for an RCU barrier, 10-20 ms.</source>
        <translation>Das Host-Ende des veth-Kabels wird aus der Bridge gezogen (sein Master wird auf keinen gesetzt), aber nicht gelöscht: Wenn der Netzwerk-Namespace des Containers verschwindet, löscht der Kernel das eth0 des Containers, und ein veth-Paar überlebt keines seiner Enden. Der Kernel tut das einige Millisekunden später in einem eigenen Worker, daher wartet koker nicht darauf: Das Löschen eines Netzwerkgeräts wartet auf eine RCU-Barriere, 10–20 ms.</translation>
    </message>
    <message>
        <source>The interface gets an address with its prefix length, such as 10.96.0.2/16. The prefix tells the kernel which network is directly reachable, and the route to it is added with the address.</source>
        <translation>Die Schnittstelle bekommt eine Adresse mit Präfixlänge, etwa 10.96.0.2/16. Das Präfix sagt dem Kernel, welches Netz direkt erreichbar ist, und die Route dorthin wird mit der Adresse angelegt.</translation>
    </message>
    <message>
        <source>The default route sends every packet for another network to the gateway. The gateway is the bridge&apos;s address on the host, which forwards the packet onward, NAT hiding the container&apos;s address.</source>
        <translation>Die Standardroute schickt jedes Paket für ein anderes Netz an das Gateway. Das Gateway ist die Adresse der Bridge auf dem Host, der das Paket weiterleitet, wobei NAT die Adresse des Containers verbirgt.</translation>
    </message>
    <message>
        <source>Each network namespace has its own loopback interface, lo, and it starts down. Bringing it up makes 127.0.0.1 work inside the container.</source>
        <translation>Jeder Netzwerk-Namespace hat seine eigene Loopback-Schnittstelle lo, und sie startet inaktiv. Wird sie aktiviert, funktioniert 127.0.0.1 im Container.</translation>
    </message>
    <message>
        <source>Kernel settings under /proc/sys are changed by writing to files. ip_forward lets the host route packets between the bridge and its real network card; route_localnet lets published ports answer on 127.0.0.1.</source>
        <translation>Kernel-Einstellungen unter /proc/sys werden durch Schreiben in Dateien geändert. ip_forward lässt den Host Pakete zwischen der Bridge und seiner echten Netzwerkkarte weiterleiten; route_localnet lässt veröffentlichte Ports auf 127.0.0.1 antworten.</translation>
    </message>
    <message>
        <source>koker keeps its firewall rules in chains of its own (KOKER, KOKER-POSTROUTING, KOKER-FORWARD) and jumps to them once from the built-in chains. Its rules are then easy to find and to remove without touching anyone else&apos;s.</source>
        <translation>koker hält seine Firewall-Regeln in eigenen Ketten (KOKER, KOKER-POSTROUTING, KOKER-FORWARD) und springt aus den eingebauten Ketten einmal dorthin. So sind seine Regeln leicht zu finden und zu entfernen, ohne fremde zu berühren.</translation>
    </message>
    <message>
        <source>A rule matches packets and says what to do with them. MASQUERADE rewrites the container&apos;s private source address to the host&apos;s, DNAT sends a published port to the container, and ACCEPT lets bridge traffic be forwarded. Each rule carries a comment naming its owner, so cleanup finds it.</source>
        <translation>Eine Regel erkennt Pakete und sagt, was mit ihnen geschehen soll. MASQUERADE schreibt die private Absenderadresse des Containers auf die des Hosts um, DNAT leitet einen veröffentlichten Port an den Container, und ACCEPT lässt Bridge-Verkehr weiterleiten. Jede Regel trägt einen Kommentar mit ihrem Besitzer, damit das Aufräumen sie findet.</translation>
    </message>
    <message>
        <source>A rule is deleted by matching it exactly in its chain. koker deletes only the rules it added, so the host&apos;s own firewall stays as it was.</source>
        <translation>Eine Regel wird gelöscht, indem sie in ihrer Kette exakt gefunden wird. koker löscht nur die Regeln, die es hinzugefügt hat, sodass die Firewall des Hosts bleibt, wie sie war.</translation>
    </message>
    <message>
        <source>Every rule koker adds for a container carries a comment with the container&apos;s id. Cleanup deletes every rule with that comment, even rules left behind by a crash.</source>
        <translation>Jede Regel, die koker für einen Container hinzufügt, trägt einen Kommentar mit der ID des Containers. Das Aufräumen löscht jede Regel mit diesem Kommentar, auch Reste nach einem Absturz.</translation>
    </message>
    <message>
        <source>A network namespace is a separate copy of the network stack: its own interfaces, addresses, routes and firewall. koker bind-mounts it to a file so it lives on without a process, like ip netns add.</source>
        <translation>Ein Netzwerk-Namespace ist eine eigene Kopie des Netzwerkstapels: eigene Schnittstellen, Adressen, Routen und Firewall. koker hängt ihn per Bind-Mount an eine Datei, damit er ohne Prozess weiterlebt, wie bei ip netns add.</translation>
    </message>
    <message>
        <source>Unmounting the namespace file drops its last reference. The kernel then destroys the namespace and every interface left in it.</source>
        <translation>Das Aushängen der Namespace-Datei entfernt die letzte Referenz. Der Kernel zerstört dann den Namespace und jede darin verbliebene Schnittstelle.</translation>
    </message>
    <message>
        <source>Containers on the same network find each other by name through /etc/hosts. koker rewrites the file in place, not by rename, because each container sees it through a bind mount of that very file.</source>
        <translation>Container im selben Netzwerk finden einander über /etc/hosts per Namen. koker schreibt die Datei an Ort und Stelle neu, nicht per Umbenennen, weil jeder Container sie über einen Bind-Mount genau dieser Datei sieht.</translation>
    </message>
    <message>
        <source>With no container left on it, the network&apos;s files (its address plan and leases) are deleted. Its bridge and firewall rules were removed by the steps before.</source>
        <translation>Ist kein Container mehr darin, werden die Dateien des Netzwerks (sein Adressplan und seine Leases) gelöscht. Seine Bridge und Firewall-Regeln haben die Schritte davor entfernt.</translation>
    </message>
    <message>
        <source>clone3() creates the container&apos;s first process already inside new namespaces: its own mount table (NEWNS), hostname (NEWUTS), IPC objects (NEWIPC) and process numbers (NEWPID), where it is pid 1. This is the moment a normal process becomes a container.</source>
        <translation>clone3() erzeugt den ersten Prozess des Containers gleich in neuen Namespaces: eigene Mount-Tabelle (NEWNS), eigener Hostname (NEWUTS), eigene IPC-Objekte (NEWIPC) und eigene Prozessnummern (NEWPID), in denen er PID 1 ist. In diesem Moment wird aus einem normalen Prozess ein Container.</translation>
    </message>
    <message>
        <source>A mount namespace gives the container its own mount table. What it mounts, its root included, is invisible to the host, and pivot_root detaches the host&apos;s file system from its view.</source>
        <translation>Ein Mount-Namespace gibt dem Container eine eigene Mount-Tabelle. Was er einhängt, seine Wurzel eingeschlossen, ist für den Host unsichtbar, und pivot_root löst das Dateisystem des Hosts aus seiner Sicht.</translation>
    </message>
    <message>
        <source>The UTS namespace holds the hostname and the NIS domain name. In its own UTS namespace a container can change its hostname without renaming the host.</source>
        <translation>Der UTS-Namespace enthält den Hostnamen und den NIS-Domänennamen. In seinem eigenen UTS-Namespace kann ein Container seinen Hostnamen ändern, ohne den Host umzubenennen.</translation>
    </message>
    <message>
        <source>The IPC namespace separates System V IPC objects (shared memory, semaphores, message queues) and POSIX message queues. Processes in different IPC namespaces cannot reach each other&apos;s objects.</source>
        <translation>Der IPC-Namespace trennt System-V-IPC-Objekte (gemeinsamer Speicher, Semaphoren, Nachrichtenwarteschlangen) und POSIX-Nachrichtenwarteschlangen. Prozesse in verschiedenen IPC-Namespaces erreichen die Objekte der anderen nicht.</translation>
    </message>
    <message>
        <source>A PID namespace numbers processes afresh: the container&apos;s first process is pid 1 inside, while the host sees it under an ordinary pid. The container cannot see or signal processes outside its namespace.</source>
        <translation>Ein PID-Namespace nummeriert Prozesse neu: der erste Prozess des Containers ist darin PID 1, während der Host ihn unter einer gewöhnlichen PID sieht. Der Container kann Prozesse außerhalb seines Namespace weder sehen noch ihnen Signale schicken.</translation>
    </message>
    <message>
        <source>A network namespace has its own interfaces, addresses, routes, firewall rules and ports. A container in its own network namespace sees only its eth0 and lo; with --network host it shares the host&apos;s.</source>
        <translation>Ein Netzwerk-Namespace hat eigene Schnittstellen, Adressen, Routen, Firewall-Regeln und Ports. Ein Container in seinem eigenen Netzwerk-Namespace sieht nur sein eth0 und lo; mit --network host teilt er die des Hosts.</translation>
    </message>
    <message>
        <source>A user namespace maps user and group ids, so that root inside can be an ordinary user outside. koker&apos;s containers share the host&apos;s user namespace: root in the container is root on the host, held back by capabilities, seccomp and the other namespaces.</source>
        <translation>Ein User-Namespace bildet Benutzer- und Gruppen-IDs ab, sodass root drinnen draußen ein gewöhnlicher Benutzer sein kann. kokers Container teilen den User-Namespace des Hosts: root im Container ist root auf dem Host, in Schach gehalten durch Capabilities, seccomp und die anderen Namespaces.</translation>
    </message>
    <message>
        <source>A time namespace gives a container its own offsets for the monotonic and boot-time clocks. Containers rarely need one; koker&apos;s share the host&apos;s clocks.</source>
        <translation>Ein Time-Namespace gibt einem Container eigene Verschiebungen für die monotone und die Boot-Uhr. Container brauchen das selten; die von koker teilen die Uhren des Hosts.</translation>
    </message>
    <message>
        <source>exec joins a running container: setns() moves the new process into each of the container&apos;s namespaces, found under /proc/PID/ns. The nsenter command does the same from a shell.</source>
        <translation>exec tritt einem laufenden Container bei: setns() verschiebt den neuen Prozess in jeden Namespace des Containers, zu finden unter /proc/PID/ns. Der Befehl nsenter tut dasselbe in einer Shell.</translation>
    </message>
    <message>
        <source>Joining a PID namespace only applies to children: after setns() the process itself keeps its old pid. So it forks once, and the child is the one inside the container&apos;s PID namespace.</source>
        <translation>Der Beitritt zu einem PID-Namespace gilt nur für Kinder: nach setns() behält der Prozess selbst seine alte PID. Deshalb forkt er einmal, und das Kind ist der Prozess im PID-Namespace des Containers.</translation>
    </message>
    <message>
        <source>The container&apos;s process joins the network namespace the host prepared. Inside, it sees only eth0 and lo, with the addresses and routes set up before.</source>
        <translation>Der Prozess des Containers tritt dem Netzwerk-Namespace bei, den der Host vorbereitet hat. Drinnen sieht er nur eth0 und lo, mit den vorher eingerichteten Adressen und Routen.</translation>
    </message>
    <message>
        <source>In its own UTS namespace the container can have its own hostname. sethostname() changes it only there; the host keeps its name.</source>
        <translation>In seinem eigenen UTS-Namespace kann der Container einen eigenen Hostnamen haben. sethostname() ändert ihn nur dort; der Host behält seinen Namen.</translation>
    </message>
    <message>
        <source>A cgroup namespace makes the container&apos;s own cgroup look like the root. /proc/self/cgroup then shows &quot;/&quot; inside, so the container cannot learn or depend on the host&apos;s cgroup layout.</source>
        <translation>Ein cgroup-Namespace lässt die eigene cgroup des Containers wie die Wurzel aussehen. /proc/self/cgroup zeigt drinnen dann &quot;/&quot;, sodass der Container den cgroup-Aufbau des Hosts weder erfahren noch von ihm abhängen kann.</translation>
    </message>
    <message>
        <source>On systemd hosts mounts are shared between namespaces by default. Making every mount private (MS_PRIVATE, recursively) first ensures that what the container mounts never appears on the host, and the other way round.</source>
        <translation>Auf systemd-Hosts werden Mounts standardmäßig zwischen Namespaces geteilt. Wenn zuerst jeder Mount privat gemacht wird (MS_PRIVATE, rekursiv), erscheint nie, was der Container einhängt, auf dem Host, und umgekehrt.</translation>
    </message>
    <message>
        <source>/proc shows the system&apos;s processes. Mounted from inside the new PID namespace, it shows only the container&apos;s processes, with its first process as pid 1.</source>
        <translation>/proc zeigt die Prozesse des Systems. Aus dem neuen PID-Namespace heraus eingehängt, zeigt es nur die Prozesse des Containers, mit seinem ersten Prozess als PID 1.</translation>
    </message>
    <message>
        <source>/sys exposes the kernel&apos;s devices and settings. The container gets it read-only, so it can look at the host&apos;s hardware settings but not change them.</source>
        <translation>/sys zeigt die Geräte und Einstellungen des Kernels. Der Container bekommt es schreibgeschützt, kann also die Hardware-Einstellungen des Hosts ansehen, aber nicht ändern.</translation>
    </message>
    <message>
        <source>A container must not see the host&apos;s disks and other devices. So it gets its own small /dev on a tmpfs, holding only the device nodes created next.</source>
        <translation>Ein Container darf die Festplatten und anderen Geräte des Hosts nicht sehen. Deshalb bekommt er ein eigenes kleines /dev auf einem tmpfs, das nur die als Nächstes angelegten Geräteknoten enthält.</translation>
    </message>
    <message>
        <source>mknod creates the few device nodes programs need: null, zero, full, random, urandom and tty. The usual symlinks (/dev/fd, /dev/stdin, ...) are added too.</source>
        <translation>mknod legt die wenigen Geräteknoten an, die Programme brauchen: null, zero, full, random, urandom und tty. Die üblichen symbolischen Links (/dev/fd, /dev/stdin, …) kommen dazu.</translation>
    </message>
    <message>
        <source>A new devpts instance gives the container its own pseudo-terminals under /dev/pts. They are numbered from 0 and invisible to the host&apos;s terminals.</source>
        <translation>Eine neue devpts-Instanz gibt dem Container eigene Pseudoterminals unter /dev/pts. Sie sind ab 0 nummeriert und für die Terminals des Hosts unsichtbar.</translation>
    </message>
    <message>
        <source>/dev/shm is where programs keep POSIX shared memory. The container gets its own tmpfs there, so it can neither read nor fill the host&apos;s.</source>
        <translation>In /dev/shm legen Programme gemeinsamen POSIX-Speicher ab. Der Container bekommt dort ein eigenes tmpfs, kann den des Hosts also weder lesen noch füllen.</translation>
    </message>
    <message>
        <source>The mqueue file system shows POSIX message queues. Mounted in the container it shows only the queues of the container&apos;s IPC namespace.</source>
        <translation>Das Dateisystem mqueue zeigt POSIX-Nachrichtenwarteschlangen. Im Container eingehängt, zeigt es nur die Warteschlangen seines IPC-Namespace.</translation>
    </message>
    <message>
        <source>/tmp becomes a fresh tmpfs, a file system in memory. Its files vanish when the container stops.</source>
        <translation>/tmp wird ein frisches tmpfs, ein Dateisystem im Arbeitsspeicher. Seine Dateien verschwinden, wenn der Container endet.</translation>
    </message>
    <message>
        <source>The hostname, hosts and resolv.conf prepared on the host are bind-mounted over the image&apos;s files. The target is opened inside the new root with openat2(RESOLVE_IN_ROOT), so a symlink in the image cannot aim the mount at a host file.</source>
        <translation>Die auf dem Host vorbereiteten Dateien hostname, hosts und resolv.conf werden per Bind-Mount über die Dateien des Images gelegt. Das Ziel wird innerhalb der neuen Wurzel mit openat2(RESOLVE_IN_ROOT) geöffnet, sodass ein symbolischer Link im Image den Mount nicht auf eine Datei des Hosts richten kann.</translation>
    </message>
    <message>
        <source>A bind mount makes a host folder appear inside the container at the target path. The same files are then seen from two places; a change on either side shows on the other.</source>
        <translation>Ein Bind-Mount lässt einen Host-Ordner im Container am Zielpfad erscheinen. Dieselben Dateien sind dann von zwei Orten aus sichtbar; eine Änderung auf einer Seite zeigt sich auf der anderen.</translation>
    </message>
    <message>
        <source>pivot_root() makes the overlay the new root directory (/) of the mount namespace; the old root, the host&apos;s file system, is then detached and unreachable from inside. A chroot alone can be escaped; pivot_root in a private mount namespace cannot.</source>
        <translation>pivot_root() macht das Overlay zum neuen Wurzelverzeichnis (/) des Mount-Namespace; die alte Wurzel, das Dateisystem des Hosts, wird dann ausgehängt und ist von innen unerreichbar. Einem chroot allein kann man entkommen; pivot_root in einem privaten Mount-Namespace nicht.</translation>
    </message>
    <message>
        <source>Some kernel files would leak host information or allow attacks, such as /proc/kcore, /proc/keys or /sys/firmware. They are hidden by mounting /dev/null or an empty read-only tmpfs over them.</source>
        <translation>Manche Kernel-Dateien würden Informationen über den Host verraten oder Angriffe erlauben, etwa /proc/kcore, /proc/keys oder /sys/firmware. Sie werden verdeckt, indem /dev/null oder ein leeres schreibgeschütztes tmpfs darüber eingehängt wird.</translation>
    </message>
    <message>
        <source>Parts of /proc (sys, sysrq-trigger, irq, bus, fs) change the whole host&apos;s kernel. They are remounted read-only inside the container.</source>
        <translation>Teile von /proc (sys, sysrq-trigger, irq, bus, fs) verändern den Kernel des ganzen Hosts. Sie werden im Container schreibgeschützt neu eingehängt.</translation>
    </message>
    <message>
        <source>Every container gets a small monitor process, like podman&apos;s conmon. It starts the container, is the parent that reaps it, records its exit code and keeps its output, so the container outlives koker and the studio.</source>
        <translation>Jeder Container bekommt einen kleinen Monitor-Prozess, wie conmon bei podman. Er startet den Container, ist der Elternprozess, der ihn einsammelt, hält seinen Exit-Code fest und bewahrt seine Ausgabe auf, sodass der Container koker und das Studio überlebt.</translation>
    </message>
    <message>
        <source>exec starts by forking a new process on the host. It will join the running container&apos;s namespaces and cgroups before it runs your command.</source>
        <translation>exec beginnt damit, auf dem Host einen neuen Prozess zu forken. Er tritt den Namespaces und cgroups des laufenden Containers bei, bevor er deinen Befehl ausführt.</translation>
    </message>
    <message>
        <source>The process&apos;s standard input, output and error are connected to pipes from the monitor. The monitor keeps the output for koker logs and relays it to attached terminals.</source>
        <translation>Standardeingabe, -ausgabe und -fehlerausgabe des Prozesses werden mit Pipes des Monitors verbunden. Der Monitor bewahrt die Ausgabe für koker logs auf und leitet sie an verbundene Terminals weiter.</translation>
    </message>
    <message>
        <source>With a terminal (-t) the process gets a pseudo-terminal opened inside the container&apos;s devpts. The master end goes to the monitor, and the process makes the other end its controlling terminal.</source>
        <translation>Mit Terminal (-t) bekommt der Prozess ein Pseudoterminal, das im devpts des Containers geöffnet wird. Das Master-Ende geht an den Monitor, und der Prozess macht das andere Ende zu seinem steuernden Terminal.</translation>
    </message>
    <message>
        <source>The working directory comes from the image or --workdir. If the image does not have that directory, it is created now.</source>
        <translation>Das Arbeitsverzeichnis kommt aus dem Image oder von --workdir. Hat das Image dieses Verzeichnis nicht, wird es jetzt angelegt.</translation>
    </message>
    <message>
        <source>Capabilities split root&apos;s power into pieces (CAP_NET_ADMIN, CAP_SYS_ADMIN, ...). Dropping them from the bounding set means no program in the container can ever get them back, not even a setuid one.</source>
        <translation>Capabilities teilen die Macht von root in Stücke (CAP_NET_ADMIN, CAP_SYS_ADMIN, …). Werden sie aus dem Bounding-Set entfernt, kann kein Programm im Container sie je zurückbekommen, auch kein setuid-Programm.</translation>
    </message>
    <message>
        <source>The process takes its user and groups from the image (or --user). The order matters: setgroups and setgid first, because after setuid it may no longer change its groups.</source>
        <translation>Der Prozess übernimmt Benutzer und Gruppen aus dem Image (oder von --user). Die Reihenfolge zählt: zuerst setgroups und setgid, denn nach setuid darf er seine Gruppen nicht mehr ändern.</translation>
    </message>
    <message>
        <source>The process keeps only the capabilities Docker grants by default, such as CHOWN, NET_BIND_SERVICE and KILL. Root in the container is then much weaker than root on the host.</source>
        <translation>Der Prozess behält nur die Capabilities, die Docker standardmäßig gewährt, etwa CHOWN, NET_BIND_SERVICE und KILL. root im Container ist dann viel schwächer als root auf dem Host.</translation>
    </message>
    <message>
        <source>no_new_privs makes execve() unable to grant privileges: setuid programs and file capabilities stop working. It is also what allows a seccomp filter without CAP_SYS_ADMIN.</source>
        <translation>no_new_privs verhindert, dass execve() Privilegien gewährt: setuid-Programme und Datei-Capabilities wirken nicht mehr. Es erlaubt auch einen seccomp-Filter ohne CAP_SYS_ADMIN.</translation>
    </message>
    <message>
        <source>A seccomp filter is a small BPF program the kernel runs on every system call. Calls a container never needs, such as loading kernel modules, rebooting or kexec, fail with EPERM.</source>
        <translation>Ein seccomp-Filter ist ein kleines BPF-Programm, das der Kernel bei jedem Systemaufruf ausführt. Aufrufe, die ein Container nie braucht, etwa Kernelmodule laden, neu starten oder kexec, scheitern mit EPERM.</translation>
    </message>
    <message>
        <source>The process changes to its working directory inside the new root. koker then checks with getcwd() that it really is inside.</source>
        <translation>Der Prozess wechselt in sein Arbeitsverzeichnis innerhalb der neuen Wurzel. koker prüft dann mit getcwd(), dass er wirklich drinnen ist.</translation>
    </message>
    <message>
        <source>execve() replaces the prepared process with your program. From here on it is an ordinary process on the host&apos;s kernel, with its own view of the system through namespaces and limited by cgroups.</source>
        <translation>execve() ersetzt den vorbereiteten Prozess durch dein Programm. Ab hier ist es ein gewöhnlicher Prozess auf dem Kernel des Hosts, mit eigener Sicht auf das System durch Namespaces und begrenzt durch cgroups.</translation>
    </message>
    <message>
        <source>A signal is sent to the container&apos;s first process through a pidfd, which cannot hit a wrong process even if the pid was reused. SIGTERM asks the program to stop; SIGKILL, sent when the timeout runs out, cannot be ignored.</source>
        <translation>Ein Signal geht über einen pidfd an den ersten Prozess des Containers; der kann keinen falschen Prozess treffen, selbst wenn die PID neu vergeben wurde. SIGTERM bittet das Programm aufzuhören; SIGKILL, gesendet wenn die Zeit abläuft, lässt sich nicht ignorieren.</translation>
    </message>
    <message>
        <source>An image name like alpine:latest is resolved to a manifest: the list of the image&apos;s layers and its config, each named by a digest (the sha256 of its content). Every later step then works on exact, verifiable content.</source>
        <translation>Ein Image-Name wie alpine:latest wird zu einem Manifest aufgelöst: der Liste der Schichten des Images und seiner Konfiguration, jede nach einem Digest benannt (dem sha256 ihres Inhalts). Jeder spätere Schritt arbeitet dann mit genauem, überprüfbarem Inhalt.</translation>
    </message>
    <message>
        <source>koker asks the registry for the manifest over HTTPS (GET /v2/&lt;name&gt;/manifests/&lt;tag&gt;). For a multi-platform image the answer is an index that lists one manifest per platform.</source>
        <translation>koker fragt die Registry per HTTPS nach dem Manifest (GET /v2/&lt;name&gt;/manifests/&lt;tag&gt;). Bei einem Image für mehrere Plattformen ist die Antwort ein Index, der ein Manifest pro Plattform aufführt.</translation>
    </message>
    <message>
        <source>An index lists one manifest per platform (linux/amd64, linux/arm64, ...). koker picks the one matching this machine and fetches it by its digest.</source>
        <translation>Ein Index führt ein Manifest pro Plattform auf (linux/amd64, linux/arm64, …). koker wählt das zu diesem Rechner passende und holt es über seinen Digest.</translation>
    </message>
    <message>
        <source>The config holds what the image runs (entrypoint, command, environment, working directory) and the diff_ids, the digests of the uncompressed layers. Its digest is checked like any other blob&apos;s.</source>
        <translation>Die Konfiguration enthält, was das Image ausführt (Entrypoint, Befehl, Umgebung, Arbeitsverzeichnis), und die diff_ids, die Digests der unkomprimierten Schichten. Ihr Digest wird geprüft wie der jedes anderen Blobs.</translation>
    </message>
    <message>
        <source>The image config is stored as a blob named by its digest. Its content (entrypoint, environment, layers) is what koker image inspect shows.</source>
        <translation>Die Image-Konfiguration wird als Blob unter ihrem Digest gespeichert. Ihr Inhalt (Entrypoint, Umgebung, Schichten) ist das, was koker image inspect zeigt.</translation>
    </message>
    <message>
        <source>Each layer is a compressed tar of file changes. It is downloaded to a temporary file and committed to the store only when its size and sha256 digest match the manifest, so a corrupt or tampered layer is never used.</source>
        <translation>Jede Schicht ist ein komprimiertes tar mit Dateiänderungen. Sie wird in eine temporäre Datei geladen und erst dann in den Speicher übernommen, wenn Größe und sha256-Digest zum Manifest passen; eine beschädigte oder manipulierte Schicht wird also nie verwendet.</translation>
    </message>
    <message>
        <source>A layer is unpacked once into its own directory, named by the digest of its content, and shared by every image and container that uses it. Files the layer deletes (whiteouts) become overlayfs whiteouts: character devices 0:0.</source>
        <translation>Eine Schicht wird einmal in ein eigenes Verzeichnis entpackt, benannt nach dem Digest ihres Inhalts, und von jedem Image und Container geteilt, der sie verwendet. Dateien, die die Schicht löscht (Whiteouts), werden zu overlayfs-Whiteouts: Zeichengeräte 0:0.</translation>
    </message>
    <message>
        <source>Layers not yet in the store are extracted in parallel, one per thread. The steps that follow wait for them.</source>
        <translation>Schichten, die noch nicht im Speicher sind, werden parallel entpackt, eine pro Thread. Die folgenden Schritte warten auf sie.</translation>
    </message>
    <message>
        <source>The config lists the digest of every uncompressed layer (diff_ids); each must be present in the store, or the image would be incomplete. It is the last check before the image is recorded.</source>
        <translation>Die Konfiguration nennt den Digest jeder unkomprimierten Schicht (diff_ids); jede muss im Speicher vorhanden sein, sonst wäre das Image unvollständig. Das ist die letzte Prüfung, bevor das Image eingetragen wird.</translation>
    </message>
    <message>
        <source>The manifest and the config are stored under their digests. The same content always gets the same name, so nothing is stored twice.</source>
        <translation>Manifest und Konfiguration werden unter ihren Digests gespeichert. Gleicher Inhalt bekommt immer denselben Namen, also wird nichts doppelt gespeichert.</translation>
    </message>
    <message>
        <source>The store&apos;s index maps names such as alpine:latest to image ids. Only after this step does the image show up in koker images.</source>
        <translation>Der Index des Speichers ordnet Namen wie alpine:latest Image-IDs zu. Erst nach diesem Schritt erscheint das Image in koker images.</translation>
    </message>
    <message>
        <source>The tarball is copied into the blob store while its sha256 digest is computed. The digest becomes its name.</source>
        <translation>Das Tar-Archiv wird in den Blob-Speicher kopiert, während sein sha256-Digest berechnet wird. Der Digest wird sein Name.</translation>
    </message>
    <message>
        <source>A verified blob is renamed to its digest. A rename is atomic: readers see either no blob or the whole blob, never half of it.</source>
        <translation>Ein geprüfter Blob wird auf seinen Digest umbenannt. Ein Umbenennen ist atomar: Leser sehen entweder keinen Blob oder den ganzen, nie die Hälfte.</translation>
    </message>
    <message>
        <source>When saving, each layer is written into the archive as its own tar file. A loader reads them back in the order the manifest gives.</source>
        <translation>Beim Speichern wird jede Schicht als eigene tar-Datei ins Archiv geschrieben. Ein Lader liest sie in der vom Manifest vorgegebenen Reihenfolge wieder ein.</translation>
    </message>
    <message>
        <source>image save writes a docker-archive: one tar file holding the image&apos;s layers, config and manifest. docker load and koker image load read it back.</source>
        <translation>image save schreibt ein Docker-Archiv: eine tar-Datei mit den Schichten, der Konfiguration und dem Manifest des Images. docker load und koker image load lesen es wieder ein.</translation>
    </message>
    <message>
        <source>koker reads the archive&apos;s entries: layer tars, config files and manifest.json (docker-archive) or index.json (OCI layout). Nothing enters the store before it is verified.</source>
        <translation>koker liest die Einträge des Archivs: Schicht-tars, Konfigurationsdateien und manifest.json (Docker-Archiv) oder index.json (OCI-Layout). Nichts kommt in den Speicher, bevor es geprüft ist.</translation>
    </message>
    <message>
        <source>manifest.json, or the OCI index, names the images in the archive. For each it gives the config, the layers in order and the tags.</source>
        <translation>manifest.json bzw. der OCI-Index nennt die Images im Archiv. Für jedes gibt er die Konfiguration, die Schichten in Reihenfolge und die Tags an.</translation>
    </message>
    <message>
        <source>manifest.json and repositories tell a loader which config and layers make each image. They also carry the image&apos;s names (tags).</source>
        <translation>manifest.json und repositories sagen einem Lader, welche Konfiguration und welche Schichten jedes Image bilden. Sie enthalten auch die Namen (Tags) des Images.</translation>
    </message>
    <message>
        <source>The tar&apos;s end-of-archive marker is written and the file is closed. The archive can now be copied to a machine without internet.</source>
        <translation>Die Endmarke des tar-Archivs wird geschrieben und die Datei geschlossen. Das Archiv kann jetzt auf einen Rechner ohne Internet kopiert werden.</translation>
    </message>
    <message>
        <source>A later step failed, so koker undoes the steps it had completed, newest first, and leaves nothing behind on the host. This step undoes the following:</source>
        <translation>Ein späterer Schritt ist fehlgeschlagen, daher macht koker die abgeschlossenen Schritte rückgängig, die neuesten zuerst, und lässt nichts auf dem Host zurück. Dieser Schritt macht Folgendes rückgängig:</translation>
    </message>
    <message>
        <source>overlayfs (kernel docs)</source>
        <translation>overlayfs (Kernel-Dokumentation)</translation>
    </message>
    <message>
        <source>cgroup v2 (kernel docs)</source>
        <translation>cgroup v2 (Kernel-Dokumentation)</translation>
    </message>
    <message>
        <source>cgroup v1 memory (kernel docs)</source>
        <translation>cgroup v1 memory (Kernel-Dokumentation)</translation>
    </message>
    <message>
        <source>cgroup v1 devices (kernel docs)</source>
        <translation>cgroup v1 devices (Kernel-Dokumentation)</translation>
    </message>
    <message>
        <source>cgroup v1 freezer (kernel docs)</source>
        <translation>cgroup v1 freezer (Kernel-Dokumentation)</translation>
    </message>
    <message>
        <source>cpusets (kernel docs)</source>
        <translation>cpusets (Kernel-Dokumentation)</translation>
    </message>
    <message>
        <source>CFS bandwidth control (kernel docs)</source>
        <translation>CFS-Bandbreitensteuerung (Kernel-Dokumentation)</translation>
    </message>
    <message>
        <source>pids controller (kernel docs)</source>
        <translation>pids-Controller (Kernel-Dokumentation)</translation>
    </message>
    <message>
        <source>devpts (kernel docs)</source>
        <translation>devpts (Kernel-Dokumentation)</translation>
    </message>
    <message>
        <source>OCI image spec</source>
        <translation>OCI-Image-Spezifikation</translation>
    </message>
    <message>
        <source>OCI image manifest</source>
        <translation>OCI-Image-Manifest</translation>
    </message>
    <message>
        <source>OCI image index</source>
        <translation>OCI-Image-Index</translation>
    </message>
    <message>
        <source>OCI image config</source>
        <translation>OCI-Image-Konfiguration</translation>
    </message>
    <message>
        <source>OCI image layers</source>
        <translation>OCI-Image-Schichten</translation>
    </message>
    <message>
        <source>OCI distribution spec</source>
        <translation>OCI-Distributionsspezifikation</translation>
    </message>
    <message>
        <source>Docker image archive format</source>
        <translation>Docker-Image-Archivformat</translation>
    </message>
    <message>
        <source>koker waits for the process to end: the container&apos;s monitor, its parent, learns of it from waitid() and writes the exit status. A program that handles SIGTERM gets this grace period to save its work; when it runs out, SIGKILL follows.</source>
        <translation>koker wartet, bis der Prozess endet: der Monitor des Containers, sein Elternprozess, erfährt es über waitid() und schreibt den Exit-Status. Ein Programm, das SIGTERM behandelt, bekommt diese Schonfrist, um seine Arbeit zu sichern; läuft sie ab, folgt SIGKILL.</translation>
    </message>
    <message>
        <source>What is RCU? (kernel docs)</source>
        <translation>Was ist RCU? (Kernel-Doku)</translation>
    </message>
    <message>
        <source>overlayfs stacks directories: the image layers as read-only lower layers and the container&apos;s upper directory on top. Reads find the topmost copy of a file; a write first copies the file up into upper, so the image is shared and never changed. A --rm container&apos;s upper is mounted volatile: it is deleted at the end, so unmounting it skips writing the disk&apos;s cached data out.</source>
        <translation>overlayfs stapelt Verzeichnisse: die Image-Schichten als schreibgeschützte untere Schichten und das upper-Verzeichnis des Containers darüber. Lesezugriffe finden die oberste Kopie einer Datei; ein Schreibzugriff kopiert die Datei zuerst nach upper, sodass das Image geteilt und nie verändert wird. Bei einem --rm-Container wird upper als volatile eingehängt: es wird am Ende gelöscht, daher schreibt das Aushängen die zwischengespeicherten Daten nicht erst auf die Platte.</translation>
    </message>
    <message>
        <source>The container gets its own writable layer: upper (where its changes land) and work (overlayfs&apos;s scratch space). The image layers below stay read-only and are shared with every container of the same image. The mount point, rootfs, is one empty directory for all containers: each mounts on it in its own mount namespace, where no other container looks.</source>
        <translation>Der Container bekommt seine eigene beschreibbare Schicht: upper (wohin seine Änderungen gehen) und work (der Arbeitsbereich von overlayfs). Die Image-Schichten darunter bleiben schreibgeschützt und werden mit jedem Container desselben Images geteilt. Der Einhängepunkt rootfs ist ein einziges leeres Verzeichnis für alle Container: Jeder hängt dort in seinem eigenen Mount-Namespace ein, in den kein anderer Container schaut.</translation>
    </message>
    <message>
        <source>cgroup v2 has no devices controller. Instead Koker turns Docker&apos;s list of harmless devices into a tiny eBPF program and attaches it to the container&apos;s cgroup. The kernel runs it for every open() or mknod() of a device file: it returns 1 (allow) for null, zero, random, tty and pseudo-terminals, 0 (deny) for everything else, such as the host&apos;s disks.</source>
        <translation>cgroup v2 hat keinen devices-Controller. Stattdessen macht Koker aus Dockers Liste harmloser Geräte ein winziges eBPF-Programm und hängt es an die cgroup des Containers. Der Kernel führt es bei jedem open() oder mknod() einer Gerätedatei aus: Es gibt 1 (erlauben) für null, zero, random, tty und Pseudo-Terminals zurück und 0 (verweigern) für alles andere, etwa die Festplatten des Hosts.</translation>
    </message>
</context>
<context>
    <name>StepThroughBar</name>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Do this step, then pause before the next one</source>
        <translation>Diesen Schritt ausführen, dann vor dem nächsten anhalten</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Do this step and all the others without pausing</source>
        <translation>Diesen und alle weiteren Schritte ohne Pause ausführen</translation>
    </message>
    <message>
        <source>&amp;Abort</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop here: the steps done so far are undone in reverse order</source>
        <translation>Hier aufhören: die bisherigen Schritte werden in umgekehrter Reihenfolge rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>UnderTheHoodPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Ask the kernel again (through kokerd)</source>
        <translation>Den Kernel erneut fragen (über kokerd)</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>Cgroup</source>
        <translation>Cgroup</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>Mounts</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
</context>
<context>
    <name>koker::ConsoleTab</name>
    <message>
        <source>Container %1</source>
        <translation>Container %1</translation>
    </message>
    <message>
        <source>attached</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>exec: %1</source>
        <translation>exec: %1</translation>
    </message>
    <message>
        <source>The container&apos;s main process: what it prints, and your keys as its input</source>
        <translation>Der Hauptprozess des Containers: was er ausgibt, und deine Tasten als seine Eingabe</translation>
    </message>
    <message>
        <source>A command started in the container for this console</source>
        <translation>Ein Befehl, der für diese Konsole im Container gestartet wurde</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>Attach to the container again (after it was restarted)</source>
        <translation>Erneut mit dem Container verbinden (nachdem er neu gestartet wurde)</translation>
    </message>
    <message>
        <source>Start %1 in the container again</source>
        <translation>%1 im Container erneut starten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No connection to the Koker helper.</source>
        <translation>Keine Verbindung zum Koker-Helfer.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>The container is not running. Start it, then reconnect.</source>
        <translation>Der Container läuft nicht. Starte ihn und verbinde dich dann neu.</translation>
    </message>
    <message>
        <source>You are not allowed to open a console of this container.</source>
        <translation>Du darfst keine Konsole dieses Containers öffnen.</translation>
    </message>
    <message>
        <source>The Koker helper (kokerd) is not available.</source>
        <translation>Der Koker-Helfer (kokerd) ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The console could not be opened.</source>
        <translation>Die Konsole konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation>neu verbunden</translation>
    </message>
    <message>
        <source>The process was killed by the OOM killer: the container ran out of memory (exit code %1).</source>
        <translation>Der Prozess wurde vom OOM-Killer beendet: dem Container ging der Speicher aus (Exit-Code %1).</translation>
    </message>
    <message>
        <source>The process was killed by signal %1 (exit code %2).</source>
        <translation>Der Prozess wurde durch Signal %1 beendet (Exit-Code %2).</translation>
    </message>
    <message>
        <source>The process exited with code %1.</source>
        <translation>Der Prozess wurde mit Code %1 beendet.</translation>
    </message>
    <message>
        <source>The connection was lost: the container stopped, or its monitor went away.</source>
        <translation>Die Verbindung ist abgerissen: der Container wurde beendet oder sein Monitor ist verschwunden.</translation>
    </message>
    <message>
        <source>Detached. The container keeps running.</source>
        <translation>Getrennt. Der Container läuft weiter.</translation>
    </message>
    <message>
        <source>Detached. %1 keeps running in the container.</source>
        <translation>Getrennt. %1 läuft im Container weiter.</translation>
    </message>
    <message>
        <source>Press Enter or click Reconnect to attach again, for example after restarting the container.</source>
        <translation>Drücke Enter oder klicke auf „Neu verbinden“, um dich erneut zu verbinden, etwa nach einem Neustart des Containers.</translation>
    </message>
    <message>
        <source>Press Enter or click Run Again to start %1 again.</source>
        <translation>Drücke Enter oder klicke auf „Erneut ausführen“, um %1 noch einmal zu starten.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Killed by the OOM killer</source>
        <translation>Vom OOM-Killer beendet</translation>
    </message>
    <message>
        <source>Killed by %1</source>
        <translation>Beendet durch %1</translation>
    </message>
    <message>
        <source>Exited with code %1</source>
        <translation>Beendet mit Code %1</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Getrennt</translation>
    </message>
</context>
<context>
    <name>koker::ConsoleTabs</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>koker::StatsGraph</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s)</source>
        <translation type="vanished">
            <numerusform>%n CPU</numerusform>
            <numerusform>%n CPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 CPUs</source>
        <translation>%1 CPUs</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Processes (PIDs)</source>
        <translation>Prozesse (PIDs)</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>wird gemessen…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 % of the quota)</source>
        <translation>%1 von %2 (%3 % des Kontingents)</translation>
    </message>
    <message>
        <source>%1, no quota</source>
        <translation>%1, kein Kontingent</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source>%1, no limit</source>
        <translation>%1, keine Grenze</translation>
    </message>
    <message numerus="yes">
        <source>throttled %n time(s)</source>
        <translation type="vanished">
            <numerusform>%n-mal gedrosselt</numerusform>
            <numerusform>%n-mal gedrosselt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>OOM kills: %1</source>
        <translation>OOM-Kills: %1</translation>
    </message>
    <message>
        <source>No container selected</source>
        <translation>Kein Container gewählt</translation>
    </message>
    <message>
        <source>Waiting for the first reading…</source>
        <translation>Warte auf den ersten Messwert…</translation>
    </message>
    <message>
        <source>host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>Grenze %1</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation type="vanished">
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation type="vanished">
            <numerusform>vor %n Sekunde</numerusform>
            <numerusform>vor %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>1 CPU</source>
        <translation>1 CPU</translation>
    </message>
    <message>
        <source>throttled periods: %1</source>
        <translation>gedrosselte Perioden: %1</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
</context>
<context>
    <name>koker::StatsPoller</name>
    <message>
        <source>The container is not running.</source>
        <translation>Der Container läuft nicht.</translation>
    </message>
    <message>
        <source>You are not allowed to read this container&apos;s resource use.</source>
        <translation>Du darfst den Ressourcenverbrauch dieses Containers nicht lesen.</translation>
    </message>
    <message>
        <source>The Koker helper (kokerd) is not available.</source>
        <translation>Der Koker-Helfer (kokerd) ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Could not read the resource use: %1</source>
        <translation>Der Ressourcenverbrauch konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>koker::TerminalSession</name>
    <message>
        <source>Process exited with code %1 — press Enter to reconnect</source>
        <translation>Prozess mit Code %1 beendet – Enter drücken, um neu zu verbinden</translation>
    </message>
    <message>
        <source>Connection closed — press Enter to reconnect</source>
        <translation>Verbindung geschlossen – Enter drücken, um neu zu verbinden</translation>
    </message>
</context>
<context>
    <name>koker::studio::AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Built with Qt %1 (running on %2). The terminal is our own widget on libvterm; layers are read with libarchive; links and addresses go through libnl, NAT rules through libiptc.</source>
        <translation>Gebaut mit Qt %1 (läuft auf %2). Das Terminal ist ein eigenes Widget auf Basis von libvterm; Schichten werden mit libarchive gelesen; Links und Adressen laufen über libnl, NAT-Regeln über libiptc.</translation>
    </message>
</context>
<context>
    <name>koker::studio::CgroupLimitsModel</name>
    <message>
        <source>no limit (%1)</source>
        <translation>keine Grenze (%1)</translation>
    </message>
    <message>
        <source>cgroup v1: one hierarchy per controller</source>
        <translation>cgroup v1: eine Hierarchie pro Controller</translation>
    </message>
    <message>
        <source>hybrid: the controllers are in v1 hierarchies, a v2 hierarchy is mounted beside them without controllers</source>
        <translation>hybrid: die Controller liegen in v1-Hierarchien, daneben ist eine v2-Hierarchie ohne Controller eingehängt</translation>
    </message>
    <message>
        <source>cgroup v2: one unified hierarchy</source>
        <translation>cgroup v2: eine einheitliche Hierarchie</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>(no such file)</source>
        <translation>(Datei fehlt)</translation>
    </message>
    <message>
        <source>kernel default</source>
        <translation>Kernel-Vorgabe</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Limit file</source>
        <translation>Grenzdatei</translation>
    </message>
    <message>
        <source>Value now</source>
        <translation>Aktueller Wert</translation>
    </message>
    <message>
        <source>Written by Koker</source>
        <translation>Von Koker geschrieben</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Verbrauch</translation>
    </message>
</context>
<context>
    <name>koker::studio::CleanupProofDialog</name>
    <message>
        <source>kokerd sent no proof of cleanup for %1 (an older kokerd?).</source>
        <translation>kokerd hat keinen Nachweis der Aufräumarbeit für %1 geschickt (ein älteres kokerd?).</translation>
    </message>
    <message>
        <source>Nothing to check for %1.</source>
        <translation>Für %1 gibt es nichts zu prüfen.</translation>
    </message>
    <message>
        <source>✓ %1 is gone without a trace: every change it made was undone.</source>
        <translation>✓ %1 ist spurlos verschwunden: jede seiner Änderungen wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>✗ %1 left something behind.</source>
        <translation>✗ %1 hat etwas zurückgelassen.</translation>
    </message>
</context>
<context>
    <name>koker::studio::CleanupProofModel</name>
    <message>
        <source>cgroup directory</source>
        <translation>Cgroup-Verzeichnis</translation>
    </message>
    <message>
        <source>network namespace file</source>
        <translation>Netzwerk-Namespace-Datei</translation>
    </message>
    <message>
        <source>mount</source>
        <translation>Mount</translation>
    </message>
    <message>
        <source>veth interface</source>
        <translation>veth-Schnittstelle</translation>
    </message>
    <message>
        <source>bridge port</source>
        <translation>Bridge-Port</translation>
    </message>
    <message>
        <source>iptables rules</source>
        <translation>iptables-Regeln</translation>
    </message>
    <message>
        <source>IP address lease</source>
        <translation>IP-Adresszuweisung</translation>
    </message>
    <message>
        <source>state directory</source>
        <translation>Zustandsverzeichnis</translation>
    </message>
    <message>
        <source>run directory</source>
        <translation>Laufzeitverzeichnis</translation>
    </message>
    <message>
        <source>bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>kokerd reported no host changes to check.</source>
        <translation>kokerd hat keine zu prüfenden Änderungen am Host gemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>All %n host change(s) are gone.</source>
        <translation>
            <numerusform>Die %n Änderung am Host ist weg.</numerusform>
            <numerusform>Alle %n Änderungen am Host sind weg.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host change(s) are still there.</source>
        <translation>
            <numerusform>%1 von %n Änderung am Host ist noch da.</numerusform>
            <numerusform>%1 von %n Änderungen am Host sind noch da.</numerusform>
        </translation>
    </message>
    <message>
        <source>• kept (shared)</source>
        <translation>• bleibt (geteilt)</translation>
    </message>
    <message>
        <source>✗ still there</source>
        <translation>✗ noch da</translation>
    </message>
    <message>
        <source>✓ gone</source>
        <translation>✓ weg</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>from the container&apos;s records</source>
        <translation>aus den Aufzeichnungen des Containers</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <source>Still there: %1</source>
        <translation>Noch da: %1</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Where on the host</source>
        <translation>Wo auf dem Host</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Angelegt von</translation>
    </message>
</context>
<context>
    <name>koker::studio::ContainerDetails</name>
    <message>
        <source>The step timeline is not part of this build.</source>
        <translation>Die Schritt-Zeitleiste ist nicht Teil dieses Builds.</translation>
    </message>
    <message>
        <source>The graphs are not part of this build.</source>
        <translation>Die Diagramme sind nicht Teil dieses Builds.</translation>
    </message>
    <message>
        <source>Select a container to see its steps, details, logs and graphs.</source>
        <translation>Wähle einen Container, um seine Schritte, Details, Logs und Diagramme zu sehen.</translation>
    </message>
    <message>
        <source>Container %1</source>
        <translation>Container %1</translation>
    </message>
    <message>
        <source>read the container&apos;s steps</source>
        <translation>die Schritte des Containers lesen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>inspect the container</source>
        <translation>den Container untersuchen</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (läuft)</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: fertig</translation>
    </message>
    <message>
        <source>%1: failed</source>
        <translation>%1: fehlgeschlagen</translation>
    </message>
    <message>
        <source>read the logs</source>
        <translation>die Logs lesen</translation>
    </message>
    <message>
        <source>[the log was rotated]
</source>
        <translation>[das Log wurde rotiert]
</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Limits and host settings</source>
        <translation>Grenzen und Host-Einstellungen</translation>
    </message>
    <message>
        <source>Control groups</source>
        <translation>Control Groups</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>Mounts</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>look under the hood</source>
        <translation>unter die Haube schauen</translation>
    </message>
    <message>
        <source>Export steps…</source>
        <translation>Schritte exportieren…</translation>
    </message>
    <message>
        <source>Save this container&apos;s recorded steps as a shell script, a Chrome trace for Perfetto or a Markdown lab report</source>
        <translation>Die aufgezeichneten Schritte dieses Containers als Shell-Skript, als Chrome-Trace für Perfetto oder als Markdown-Laborbericht speichern</translation>
    </message>
    <message>
        <source>The under-the-hood views are not part of this build.</source>
        <translation>Die Ansichten „Unter der Haube“ sind nicht Teil dieses Builds.</translation>
    </message>
    <message>
        <source>Export steps</source>
        <translation>Schritte exportieren</translation>
    </message>
    <message>
        <source>export the steps</source>
        <translation>die Schritte exportieren</translation>
    </message>
    <message>
        <source>Saved the steps to %1.</source>
        <translation>Die Schritte wurden in %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>koker::studio::ContainersModel</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Killed (out of memory)</source>
        <translation>Beendet (Speicher erschöpft)</translation>
    </message>
    <message>
        <source>Exited (%1)</source>
        <translation>Beendet (%1)</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>Läuft seit %1</translation>
    </message>
    <message>
        <source>Stopped %1 ago</source>
        <translation>Vor %1 beendet</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
    <message>
        <source>Limited to %1 CPUs; 100 % is one full CPU</source>
        <translation>Begrenzt auf %1 CPUs; 100 % ist eine volle CPU</translation>
    </message>
    <message>
        <source>No CPU limit; 100 % is one full CPU</source>
        <translation>Keine CPU-Grenze; 100 % ist eine volle CPU</translation>
    </message>
    <message>
        <source>Memory in use, of the container&apos;s limit</source>
        <translation>Belegter Speicher, gemessen an der Grenze des Containers</translation>
    </message>
    <message>
        <source>Memory in use (no limit set)</source>
        <translation>Belegter Speicher (keine Grenze gesetzt)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Container ID</source>
        <translation>Container-ID</translation>
    </message>
</context>
<context>
    <name>koker::studio::ContainersView</name>
    <message>
        <source>list the containers</source>
        <translation>die Container auflisten</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n Container</numerusform>
            <numerusform>%n Container</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>start the container</source>
        <translation>den Container starten</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>stop the container</source>
        <translation>den Container stoppen</translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation>%1 stoppen</translation>
    </message>
    <message>
        <source>remove the container</source>
        <translation>den Container entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Removed %1 and everything it made on this computer.</source>
        <translation>%1 und alles, was er auf diesem Rechner angelegt hat, wurde entfernt.</translation>
    </message>
    <message>
        <source>kill the container</source>
        <translation>den Container abschießen</translation>
    </message>
    <message>
        <source>Remove container</source>
        <translation>Container entfernen</translation>
    </message>
    <message>
        <source>Remove the container %1?</source>
        <translation>Den Container %1 entfernen?</translation>
    </message>
    <message>
        <source>It is running: it will be killed first. Its files, its cgroup, its network devices and its logs are deleted.</source>
        <translation>Er läuft: er wird zuerst abgeschossen. Seine Dateien, seine cgroup, seine Netzwerkgeräte und seine Logs werden gelöscht.</translation>
    </message>
    <message>
        <source>Its files, its cgroup, its network devices and its logs are deleted.</source>
        <translation>Seine Dateien, seine cgroup, seine Netzwerkgeräte und seine Logs werden gelöscht.</translation>
    </message>
</context>
<context>
    <name>koker::studio::ExperimentRunner</name>
    <message>
        <source>Creating the container %1…</source>
        <translation>Container %1 wird angelegt…</translation>
    </message>
    <message>
        <source>create the container</source>
        <translation>den Container anlegen</translation>
    </message>
    <message>
        <source>Starting it…</source>
        <translation>Er wird gestartet…</translation>
    </message>
    <message>
        <source>start the container</source>
        <translation>den Container starten</translation>
    </message>
    <message>
        <source>inspect the container</source>
        <translation>den Container untersuchen</translation>
    </message>
    <message>
        <source>look under the hood</source>
        <translation>unter die Haube schauen</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>Konnte nicht %1: %2</translation>
    </message>
    <message>
        <source>Removing the experiment&apos;s containers…</source>
        <translation>Die Container des Experiments werden entfernt…</translation>
    </message>
    <message>
        <source>The shell is allocating; waiting for it to end…</source>
        <translation>Die Shell belegt Speicher; es wird auf ihr Ende gewartet…</translation>
    </message>
    <message>
        <source>Processes are being started; counting them…</source>
        <translation>Prozesse werden gestartet; sie werden gezählt…</translation>
    </message>
    <message>
        <source>The loop spins; reading the throttling counters twice…</source>
        <translation>Die Schleife dreht sich; die Drosselungszähler werden zweimal gelesen…</translation>
    </message>
</context>
<context>
    <name>koker::studio::Experiments</name>
    <message>
        <source>✓ Seen:</source>
        <translation>✓ Beobachtet:</translation>
    </message>
    <message>
        <source>✗ Not seen:</source>
        <translation>✗ Nicht beobachtet:</translation>
    </message>
    <message>
        <source>A memory limit meets the OOM killer</source>
        <translation>Eine Speichergrenze trifft den OOM-Killer</translation>
    </message>
    <message>
        <source>A fork bomb against pids.max</source>
        <translation>Eine Fork-Bombe gegen pids.max</translation>
    </message>
    <message>
        <source>A busy loop under a CPU quota</source>
        <translation>Eine Endlosschleife unter einem CPU-Kontingent</translation>
    </message>
    <message>
        <source>No network namespace: --network host</source>
        <translation>Kein Netzwerk-Namespace: --network host</translation>
    </message>
    <message>
        <source>The container may use 16 MiB. Its shell doubles a string again and again, so it needs more memory every moment. When the cgroup&apos;s limit is reached and nothing can be reclaimed, the kernel&apos;s OOM killer ends a process in that cgroup (and only there).</source>
        <translation>Der Container darf 16 MiB belegen. Seine Shell verdoppelt immer wieder eine Zeichenkette und braucht so ständig mehr Speicher. Ist die Grenze der Cgroup erreicht und lässt sich nichts mehr zurückgewinnen, beendet der OOM-Killer des Kernels einen Prozess in dieser Cgroup (und nur dort).</translation>
    </message>
    <message>
        <source>The container may have 20 processes (pids.max). Its shell starts sleeping processes as fast as it can until fork() fails, %1 times over. The pids controller refuses every fork() past the limit, so the rest of the computer never notices.</source>
        <translation>Der Container darf 20 Prozesse haben (pids.max). Seine Shell startet so schnell sie kann schlafende Prozesse, bis fork() scheitert, und das %1-mal. Der pids-Controller verweigert jedes fork() über der Grenze, sodass der Rest des Computers nichts davon merkt.</translation>
    </message>
    <message>
        <source>The container may use 0.2 CPU: 20 ms in every 100 ms period (cpu.cfs_quota_us / cpu.max). Its shell spins in an endless loop. Once the quota of a period is used, the scheduler stops the cgroup until the next period: it is throttled, and the throttled time grows.</source>
        <translation>Der Container darf 0,2 CPU nutzen: 20 ms in jeder Periode von 100 ms (cpu.cfs_quota_us / cpu.max). Seine Shell dreht sich in einer Endlosschleife. Ist das Kontingent einer Periode verbraucht, hält der Scheduler die Cgroup bis zur nächsten Periode an: sie wird gedrosselt, und die gedrosselte Zeit wächst.</translation>
    </message>
    <message>
        <source>Two containers list their network interfaces (cat /proc/net/dev): one with --network host, which gets no network namespace of its own, and one on the bridge. Compare both lists with the host&apos;s.</source>
        <translation>Zwei Container listen ihre Netzwerkschnittstellen auf (cat /proc/net/dev): einer mit --network host, der keinen eigenen Netzwerk-Namespace bekommt, und einer an der Bridge. Vergleiche beide Listen mit der des Hosts.</translation>
    </message>
    <message>
        <source>The OOM killer ended the shell when it reached 16 MiB.</source>
        <translation>Der OOM-Killer hat die Shell bei 16 MiB beendet.</translation>
    </message>
    <message>
        <source>Exit code %1 is 128 + 9: the process got SIGKILL, which cannot be caught. The kernel counted it in the cgroup&apos;s memory.oom_control (oom_kill) and Koker&apos;s monitor recorded it as OOMKilled. Processes outside the container were not touched.</source>
        <translation>Exit-Code %1 ist 128 + 9: der Prozess bekam SIGKILL, das sich nicht abfangen lässt. Der Kernel hat es in memory.oom_control der Cgroup gezählt (oom_kill), und Kokers Monitor hat es als OOMKilled vermerkt. Prozesse außerhalb des Containers blieben unberührt.</translation>
    </message>
    <message>
        <source>The container was still running when the experiment gave up.</source>
        <translation>Der Container lief noch, als das Experiment aufgab.</translation>
    </message>
    <message>
        <source>The memory limit was not reached in time; the host may be very slow.</source>
        <translation>Die Speichergrenze wurde nicht rechtzeitig erreicht; der Host ist vielleicht sehr langsam.</translation>
    </message>
    <message>
        <source>The container ended without the OOM killer (exit code %1).</source>
        <translation>Der Container endete ohne den OOM-Killer (Exit-Code %1).</translation>
    </message>
    <message>
        <source>Something else stopped it first; its output may say what.</source>
        <translation>Etwas anderes hat ihn zuerst beendet; seine Ausgabe sagt vielleicht, was.</translation>
    </message>
    <message numerus="yes">
        <source>%n fork() refused in the output (EAGAIN)</source>
        <translation>
            <numerusform>%n abgelehntes fork() in der Ausgabe (EAGAIN)</numerusform>
            <numerusform>%n abgelehnte fork() in der Ausgabe (EAGAIN)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pids.max held: at most %1 processes, and %n fork() call(s) refused.</source>
        <translation>
            <numerusform>pids.max hat gehalten: höchstens %1 Prozesse, und %n fork()-Aufruf abgelehnt.</numerusform>
            <numerusform>pids.max hat gehalten: höchstens %1 Prozesse, und %n fork()-Aufrufe abgelehnt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every fork() past the limit failed with EAGAIN (&quot;Resource temporarily unavailable&quot;), and the shell went on to the next try. pids.events counts how often the limit was hit. A real fork bomb stops at the same wall.</source>
        <translation>Jedes fork() über der Grenze scheiterte mit EAGAIN („Resource temporarily unavailable“), und die Shell machte mit dem nächsten Versuch weiter. pids.events zählt, wie oft die Grenze erreicht wurde. Eine echte Fork-Bombe prallt an derselben Wand ab.</translation>
    </message>
    <message>
        <source>The container had no process limit.</source>
        <translation>Der Container hatte keine Prozessgrenze.</translation>
    </message>
    <message>
        <source>No fork() was refused (%1 of %2 processes).</source>
        <translation>Kein fork() wurde abgelehnt (%1 von %2 Prozessen).</translation>
    </message>
    <message>
        <source>The loop may not have run long enough yet.</source>
        <translation>Die Schleife lief vielleicht noch nicht lange genug.</translation>
    </message>
    <message>
        <source>throttled time %1 ms → %2 ms</source>
        <translation>gedrosselte Zeit %1 ms → %2 ms</translation>
    </message>
    <message>
        <source>throttled periods %1 → %2</source>
        <translation>gedrosselte Perioden %1 → %2</translation>
    </message>
    <message>
        <source>CPU used in %1 s: %2 ms = %3 CPU (quota %4)</source>
        <translation>CPU-Verbrauch in %1 s: %2 ms = %3 CPU (Kontingent %4)</translation>
    </message>
    <message>
        <source>The busy loop was throttled: %1 ms of waiting in %2 s.</source>
        <translation>Die Endlosschleife wurde gedrosselt: %1 ms Warten in %2 s.</translation>
    </message>
    <message>
        <source>In each 100 ms period the cgroup may run 20 ms. The loop used its share and was then taken off the CPU until the next period, so it got about %1 CPU however hard it spun.</source>
        <translation>In jeder Periode von 100 ms darf die Cgroup 20 ms rechnen. Die Schleife hat ihren Anteil verbraucht und wurde dann bis zur nächsten Periode von der CPU genommen; so bekam sie etwa %1 CPU, egal wie sehr sie sich drehte.</translation>
    </message>
    <message>
        <source>This host does not report CPU throttling for the container.</source>
        <translation>Dieser Host meldet keine CPU-Drosselung für den Container.</translation>
    </message>
    <message>
        <source>The throttled time did not grow.</source>
        <translation>Die gedrosselte Zeit ist nicht gewachsen.</translation>
    </message>
    <message>
        <source>The loop may not have started yet.</source>
        <translation>Die Schleife hat vielleicht noch nicht begonnen.</translation>
    </message>
    <message>
        <source>host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>--network host: %1</source>
        <translation>--network host: %1</translation>
    </message>
    <message>
        <source>bridge: %1</source>
        <translation>Bridge: %1</translation>
    </message>
    <message numerus="yes">
        <source>With --network host the container saw the host&apos;s %n interface(s); on the bridge it saw only lo and eth0.</source>
        <translation>
            <numerusform>Mit --network host sah der Container die %n Schnittstelle des Hosts; an der Bridge sah er nur lo und eth0.</numerusform>
            <numerusform>Mit --network host sah der Container die %n Schnittstellen des Hosts; an der Bridge sah er nur lo und eth0.</numerusform>
        </translation>
    </message>
    <message>
        <source>Without a network namespace of its own a container uses the host&apos;s network stack: the same interfaces, addresses and ports, so it could also listen on the host&apos;s ports. On the bridge it has its own stack: a loopback and one end of a veth pair.</source>
        <translation>Ohne eigenen Netzwerk-Namespace nutzt ein Container den Netzwerkstack des Hosts: dieselben Schnittstellen, Adressen und Ports, er könnte also auch auf den Ports des Hosts lauschen. An der Bridge hat er einen eigenen Stack: ein Loopback und ein Ende eines veth-Paars.</translation>
    </message>
    <message>
        <source>The --network host container did not list the host&apos;s interfaces.</source>
        <translation>Der Container mit --network host hat nicht die Schnittstellen des Hosts aufgelistet.</translation>
    </message>
    <message>
        <source>The bridge container listed other interfaces than lo and eth0.</source>
        <translation>Der Container an der Bridge hat andere Schnittstellen als lo und eth0 aufgelistet.</translation>
    </message>
</context>
<context>
    <name>koker::studio::ExperimentsDialog</name>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Run the experiment</source>
        <translation>Experiment starten</translation>
    </message>
</context>
<context>
    <name>koker::studio::HelperConnection</name>
    <message>
        <source>Looking for Koker&apos;s helper (kokerd)…</source>
        <translation>Suche den Koker-Helfer (kokerd)…</translation>
    </message>
    <message>
        <source>Koker Studio cannot reach the system&apos;s message bus (D-Bus): %1. Is the dbus service running?</source>
        <translation>Koker Studio erreicht den Nachrichtenbus des Systems (D-Bus) nicht: %1. Läuft der Dienst dbus?</translation>
    </message>
    <message>
        <source>Koker&apos;s helper (kokerd) is not running. Start it with “sudo systemctl start kokerd”, or ask your teacher to install Koker. Koker Studio keeps looking for it.</source>
        <translation>Der Koker-Helfer (kokerd) läuft nicht. Starte ihn mit „sudo systemctl start kokerd“ oder bitte deine Lehrkraft, Koker zu installieren. Koker Studio sucht weiter nach ihm.</translation>
    </message>
    <message>
        <source>use Koker</source>
        <translation>Koker benutzen</translation>
    </message>
    <message>
        <source>Connected to kokerd %1</source>
        <translation>Mit kokerd %1 verbunden</translation>
    </message>
    <message>
        <source>cgroup v2</source>
        <translation>cgroup v2</translation>
    </message>
    <message>
        <source>cgroup v1 + v2 (hybrid)</source>
        <translation>cgroup v1 + v2 (hybrid)</translation>
    </message>
    <message>
        <source>cgroup v1</source>
        <translation>cgroup v1</translation>
    </message>
    <message>
        <source>You are not allowed to %1 without an administrator&apos;s password. Turn on “Ask for a password” in Settings, or ask your teacher to add you to the koker group.</source>
        <translation>Ohne Administratorpasswort darfst du nicht %1. Schalte „Nach einem Passwort fragen“ in den Einstellungen ein oder bitte deine Lehrkraft, dich zur Gruppe koker hinzuzufügen.</translation>
    </message>
    <message>
        <source>The system refused to pass the request on to kokerd: its D-Bus policy may be missing. Ask your teacher to reinstall Koker.</source>
        <translation>Das System hat sich geweigert, die Anfrage an kokerd weiterzugeben: vielleicht fehlt seine D-Bus-Richtlinie. Bitte deine Lehrkraft, Koker neu zu installieren.</translation>
    </message>
    <message>
        <source>You are not allowed to %1. Ask your teacher to add you to the koker group.</source>
        <translation>Du darfst nicht %1. Bitte deine Lehrkraft, dich zur Gruppe koker hinzuzufügen.</translation>
    </message>
    <message>
        <source>Koker&apos;s helper (kokerd) is not running, so Koker Studio cannot %1. Start it with “sudo systemctl start kokerd”, or ask your teacher to install Koker.</source>
        <translation>Der Koker-Helfer (kokerd) läuft nicht, deshalb kann Koker Studio nicht %1. Starte ihn mit „sudo systemctl start kokerd“ oder bitte deine Lehrkraft, Koker zu installieren.</translation>
    </message>
    <message>
        <source>Could not %1: this computer or this version of Koker cannot do that.</source>
        <translation>Konnte nicht %1: dieser Rechner oder diese Koker-Version kann das nicht.</translation>
    </message>
    <message>
        <source>Could not %1: it does not exist (any more).</source>
        <translation>Konnte nicht %1: es existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>Could not %1: that name is already taken.</source>
        <translation>Konnte nicht %1: dieser Name ist schon vergeben.</translation>
    </message>
    <message>
        <source>Could not %1: it is in use right now (an image used by a container, or a container that is still running).</source>
        <translation>Konnte nicht %1: es wird gerade benutzt (ein Image, das ein Container verwendet, oder ein Container, der noch läuft).</translation>
    </message>
    <message>
        <source>Could not %1: a value was not accepted.</source>
        <translation>Konnte nicht %1: ein Wert wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Could not %1: Koker refused input that looked unsafe.</source>
        <translation>Konnte nicht %1: Koker hat eine Eingabe abgelehnt, die unsicher aussah.</translation>
    </message>
    <message>
        <source>Could not %1: the data is damaged or does not match its checksum.</source>
        <translation>Konnte nicht %1: die Daten sind beschädigt oder passen nicht zu ihrer Prüfsumme.</translation>
    </message>
    <message>
        <source>Could not %1: a size, count or time limit was reached.</source>
        <translation>Konnte nicht %1: eine Größen-, Anzahl- oder Zeitgrenze wurde erreicht.</translation>
    </message>
    <message>
        <source>Could not %1: the registry could not be reached. Check the network connection and the image name.</source>
        <translation>Konnte nicht %1: die Registry war nicht erreichbar. Prüfe die Netzwerkverbindung und den Image-Namen.</translation>
    </message>
    <message>
        <source>Could not %1: the registry refused the request. The image may be private, or its name misspelled.</source>
        <translation>Konnte nicht %1: die Registry hat die Anfrage abgelehnt. Vielleicht ist das Image privat oder sein Name falsch geschrieben.</translation>
    </message>
    <message>
        <source>Cancelled: %1.</source>
        <translation>Abgebrochen: %1.</translation>
    </message>
    <message>
        <source>Could not %1: kokerd reported an error.</source>
        <translation>Konnte nicht %1: kokerd hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>%1 Details: %2</source>
        <translation>%1 Details: %2</translation>
    </message>
</context>
<context>
    <name>koker::studio::ImageInspectDialog</name>
    <message>
        <source>Inspect %1</source>
        <translation>%1 untersuchen</translation>
    </message>
    <message>
        <source>inspect the image</source>
        <translation>das Image untersuchen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>/ (the root)</source>
        <translation>/ (die Wurzel)</translation>
    </message>
    <message>
        <source>root (uid 0)</source>
        <translation>root (uid 0)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Layers (%1)</source>
        <translation>Schichten (%1)</translation>
    </message>
    <message>
        <source>no layer</source>
        <translation>keine Schicht</translation>
    </message>
    <message>
        <source>This step changed only the configuration, not the files</source>
        <translation>Dieser Schritt hat nur die Konfiguration geändert, nicht die Dateien</translation>
    </message>
</context>
<context>
    <name>koker::studio::ImagesModel</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>vor %n Monat</numerusform>
            <numerusform>vor %n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>vor %n Jahr</numerusform>
            <numerusform>vor %n Jahren</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;none&gt;</source>
        <translation>&lt;keiner&gt;</translation>
    </message>
    <message>
        <source>%1 bytes, unpacked</source>
        <translation>%1 Bytes, entpackt</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>Image-ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
</context>
<context>
    <name>koker::studio::ImagesView</name>
    <message>
        <source>Load from a file…</source>
        <translation>Aus einer Datei laden…</translation>
    </message>
    <message>
        <source>Save the selected image to a file…</source>
        <translation>Das gewählte Image in eine Datei speichern…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>In eine Datei speichern…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>list the images</source>
        <translation>die Images auflisten</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Image</numerusform>
            <numerusform>%n Images</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>Image entfernen</translation>
    </message>
    <message>
        <source>Remove the image %1?</source>
        <translation>Das Image %1 entfernen?</translation>
    </message>
    <message>
        <source>The name goes away; the layers are deleted when no other name or container uses them. Containers made from it stop the removal.</source>
        <translation>Der Name verschwindet; die Schichten werden gelöscht, wenn kein anderer Name und kein Container sie mehr verwendet. Container, die daraus erzeugt wurden, verhindern das Entfernen.</translation>
    </message>
    <message>
        <source>remove the image</source>
        <translation>das Image entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 (%n layer(s) or image(s) deleted).</source>
        <translation>
            <numerusform>%1 entfernt (%n Schicht oder Image gelöscht).</numerusform>
            <numerusform>%1 entfernt (%n Schichten oder Images gelöscht).</numerusform>
        </translation>
    </message>
    <message>
        <source>Load an image from a file</source>
        <translation>Ein Image aus einer Datei laden</translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.oci)</source>
        <translation>Image-Archive (*.tar *.tar.gz *.tgz *.oci)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
    <message>
        <source>load the image</source>
        <translation>das Image laden</translation>
    </message>
    <message>
        <source>Loaded %1.</source>
        <translation>%1 geladen.</translation>
    </message>
    <message>
        <source>Save %1 to a file</source>
        <translation>%1 in eine Datei speichern</translation>
    </message>
    <message>
        <source>Docker archives (*.tar)</source>
        <translation>Docker-Archive (*.tar)</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>save the image</source>
        <translation>das Image speichern</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 speichern</translation>
    </message>
    <message>
        <source>create the starter image</source>
        <translation>das Starter-Image erzeugen</translation>
    </message>
    <message>
        <source>The starter image is ready: select it and press Run.</source>
        <translation>Das Starter-Image ist bereit: wähle es und drücke „Starten“.</translation>
    </message>
    <message>
        <source>Create the starter image</source>
        <translation>Starter-Image erzeugen</translation>
    </message>
</context>
<context>
    <name>koker::studio::LimitSlider</name>
    <message>
        <source>processes</source>
        <translation>Prozesse</translation>
    </message>
</context>
<context>
    <name>koker::studio::MainWindow</name>
    <message>
        <source>The embedded terminal is not part of this build.</source>
        <translation>Das eingebettete Terminal ist nicht Teil dieses Builds.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Terminals (%1)</source>
        <translation>Terminals (%1)</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>Terminals</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) running</source>
        <translation>
            <numerusform>%n Aktion läuft</numerusform>
            <numerusform>%n Aktionen laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is ready to run.</source>
        <translation>%1 ist bereit zum Starten.</translation>
    </message>
    <message>
        <source>The run dialog is not part of this build of Koker Studio.</source>
        <translation>Der Start-Dialog ist nicht Teil dieses Builds von Koker Studio.</translation>
    </message>
    <message>
        <source>Cannot open the folder %1 to share it: %2</source>
        <translation>Der Ordner %1 kann zum Teilen nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>create the container</source>
        <translation>den Container anlegen</translation>
    </message>
    <message>
        <source>start the container</source>
        <translation>den Container starten</translation>
    </message>
    <message>
        <source>connect the terminal</source>
        <translation>das Terminal verbinden</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>The embedded terminal is not part of this build of Koker Studio.</source>
        <translation>Das eingebettete Terminal ist nicht Teil dieses Builds von Koker Studio.</translation>
    </message>
    <message>
        <source>Select a running container on the Containers page first, then press Ctrl+T for a shell in it.</source>
        <translation>Wähle zuerst auf der Seite „Container“ einen laufenden Container und drücke dann Strg+T für eine Shell darin.</translation>
    </message>
    <message>
        <source>The guided experiments are not part of this build of Koker Studio.</source>
        <translation>Die geführten Experimente sind nicht Teil dieses Builds von Koker Studio.</translation>
    </message>
    <message>
        <source>No container has been removed from the studio yet.</source>
        <translation>Im Studio wurde noch kein Container entfernt.</translation>
    </message>
    <message>
        <source>Proof of cleanup is not part of this build of Koker Studio.</source>
        <translation>Der Nachweis der Aufräumarbeit ist nicht Teil dieses Builds von Koker Studio.</translation>
    </message>
</context>
<context>
    <name>koker::studio::MountTreeModel</name>
    <message>
        <source>Mount point</source>
        <translation>Einhängepunkt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>%1 (path %2)</source>
        <translation>%1 (Pfad %2)</translation>
    </message>
    <message>
        <source>Mount options: %1
File system options: %2</source>
        <translation>Mount-Optionen: %1
Dateisystem-Optionen: %2</translation>
    </message>
    <message>
        <source>overlay layers of /</source>
        <translation>Overlay-Schichten von /</translation>
    </message>
    <message>
        <source>the image&apos;s layers, read-only, under a writable layer of the container&apos;s own</source>
        <translation>die Schichten des Images, schreibgeschützt, unter einer beschreibbaren Schicht des Containers</translation>
    </message>
    <message>
        <source>image layer %1 of %2</source>
        <translation>Image-Schicht %1 von %2</translation>
    </message>
    <message>
        <source>a layer the image does not list</source>
        <translation>eine Schicht, die das Image nicht aufführt</translation>
    </message>
    <message>
        <source>lowerdir %1 (read-only)</source>
        <translation>lowerdir %1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>upperdir (writable)</source>
        <translation>upperdir (beschreibbar)</translation>
    </message>
    <message>
        <source>the container&apos;s own layer</source>
        <translation>die eigene Schicht des Containers</translation>
    </message>
    <message>
        <source>a writable layer</source>
        <translation>eine beschreibbare Schicht</translation>
    </message>
    <message>
        <source>every file the container writes or deletes lands here</source>
        <translation>jede Datei, die der Container schreibt oder löscht, landet hier</translation>
    </message>
    <message>
        <source>workdir</source>
        <translation>workdir</translation>
    </message>
    <message>
        <source>overlayfs scratch space</source>
        <translation>Arbeitsbereich von overlayfs</translation>
    </message>
    <message>
        <source>used by the kernel to copy files up atomically</source>
        <translation>vom Kernel benutzt, um Dateien atomar nach oben zu kopieren</translation>
    </message>
</context>
<context>
    <name>koker::studio::NamespacesModel</name>
    <message>
        <source>Shared with the host (--network host): the same interfaces, addresses and ports as the host.</source>
        <translation>Mit dem Host geteilt (--network host): dieselben Schnittstellen, Adressen und Ports wie der Host.</translation>
    </message>
    <message>
        <source>Shared with the host: root in the container is root on the host, held back by capabilities, seccomp and the other namespaces.</source>
        <translation>Mit dem Host geteilt: root im Container ist root auf dem Host, gebremst durch Capabilities, seccomp und die anderen Namespaces.</translation>
    </message>
    <message>
        <source>Shared with the host: the container sees the host&apos;s boot and monotonic clocks.</source>
        <translation>Mit dem Host geteilt: der Container sieht die Boot- und Monotonic-Uhren des Hosts.</translation>
    </message>
    <message>
        <source>Shared with the host: this part of the system is not isolated.</source>
        <translation>Mit dem Host geteilt: dieser Teil des Systems ist nicht isoliert.</translation>
    </message>
    <message>
        <source>Its own mount table: the overlay is its /, and mounts made inside never reach the host.</source>
        <translation>Eigene Mount-Tabelle: das Overlay ist sein /, und Mounts darin erreichen nie den Host.</translation>
    </message>
    <message>
        <source>Its own hostname: sethostname() inside changes only the container&apos;s.</source>
        <translation>Eigener Hostname: sethostname() im Container ändert nur den des Containers.</translation>
    </message>
    <message>
        <source>Its own System V IPC and POSIX message queues: no shared memory with host processes.</source>
        <translation>Eigene System-V-IPC und POSIX-Nachrichtenwarteschlangen: kein gemeinsamer Speicher mit Host-Prozessen.</translation>
    </message>
    <message>
        <source>Its own process numbers: its first process is PID 1 and it cannot see host processes.</source>
        <translation>Eigene Prozessnummern: sein erster Prozess ist PID 1, und er sieht keine Host-Prozesse.</translation>
    </message>
    <message>
        <source>Its own network stack: interfaces, addresses, routes, ports and firewall rules.</source>
        <translation>Eigener Netzwerkstack: Schnittstellen, Adressen, Routen, Ports und Firewall-Regeln.</translation>
    </message>
    <message>
        <source>Its own view of /proc/self/cgroup: its cgroup looks like the root.</source>
        <translation>Eigene Sicht auf /proc/self/cgroup: seine Cgroup sieht wie die Wurzel aus.</translation>
    </message>
    <message>
        <source>Its own user and group ids, mapped to other ids on the host.</source>
        <translation>Eigene Benutzer- und Gruppen-IDs, auf andere IDs des Hosts abgebildet.</translation>
    </message>
    <message>
        <source>Its own boot and monotonic clock offsets.</source>
        <translation>Eigene Verschiebungen der Boot- und Monotonic-Uhr.</translation>
    </message>
    <message>
        <source>A namespace of type %1.</source>
        <translation>Ein Namespace vom Typ %1.</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>geteilt</translation>
    </message>
    <message>
        <source>own</source>
        <translation>eigen</translation>
    </message>
    <message>
        <source>readlink /proc/PID/ns/%1 → %1:[%2]</source>
        <translation>readlink /proc/PID/ns/%1 → %1:[%2]</translation>
    </message>
    <message>
        <source>readlink %1 → %2:[%3]</source>
        <translation>readlink %1 → %2:[%3]</translation>
    </message>
    <message>
        <source>The same inode: the container is in the host&apos;s namespace.</source>
        <translation>Derselbe Inode: der Container ist im Namespace des Hosts.</translation>
    </message>
    <message>
        <source>Different inodes: the container has a namespace of its own.</source>
        <translation>Verschiedene Inodes: der Container hat einen eigenen Namespace.</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Container inode</source>
        <translation>Inode im Container</translation>
    </message>
    <message>
        <source>Host inode</source>
        <translation>Inode des Hosts</translation>
    </message>
    <message>
        <source>Shared?</source>
        <translation>Geteilt?</translation>
    </message>
    <message>
        <source>What it isolates</source>
        <translation>Was er isoliert</translation>
    </message>
</context>
<context>
    <name>koker::studio::NetworkTopologyView</name>
    <message>
        <source>No network information</source>
        <translation>Keine Netzwerkinformationen</translation>
    </message>
    <message>
        <source>NAT, filter and port rules (iptables)</source>
        <translation>NAT-, Filter- und Port-Regeln (iptables)</translation>
    </message>
</context>
<context>
    <name>koker::studio::PullDialog</name>
    <message>
        <source>this computer&apos;s</source>
        <translation>die dieses Rechners</translation>
    </message>
    <message>
        <source>Asking the registry for %1…</source>
        <translation>Frage die Registry nach %1…</translation>
    </message>
    <message>
        <source>pull %1</source>
        <translation>%1 herunterladen</translation>
    </message>
    <message>
        <source>%1 is up to date.</source>
        <translation>%1 ist aktuell.</translation>
    </message>
    <message>
        <source>Pulled %1.</source>
        <translation>%1 heruntergeladen.</translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation>Lade %1 herunter…</translation>
    </message>
    <message>
        <source>Pull %1</source>
        <translation>%1 herunterladen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>Schon vorhanden</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Lädt herunter</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Heruntergeladen</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Entpackt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>koker::studio::RunDialog</name>
    <message>
        <source>Choose a Folder to Share</source>
        <translation>Ordner zum Teilen wählen</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>bridge (default)</source>
        <translation>bridge (Standard)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none (keines)</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host (das des Hosts)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Variables set in the container, like -e NAME=value</source>
        <translation>Variablen, die im Container gesetzt werden, wie -e NAME=Wert</translation>
    </message>
    <message>
        <source>Leave Host IP empty to listen on every address, and Host port empty to use the container port</source>
        <translation>Host-IP leer lassen, um auf allen Adressen zu lauschen, und Host-Port leer lassen, um den Container-Port zu verwenden</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Unlimited swap</source>
        <translation>Unbegrenzter Swap</translation>
    </message>
    <message>
        <source>Memory and swap together, as docker run --memory-swap: the default allows as much swap as memory (twice the memory in total).</source>
        <translation>Speicher und Swap zusammen, wie bei docker run --memory-swap: standardmäßig ist so viel Swap wie Speicher erlaubt (insgesamt das Doppelte des Speichers).</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>Fix the marked fields: the command shows only what is valid so far.
%1</source>
        <translation>Korrigiere die markierten Felder: der Befehl zeigt nur, was bisher gültig ist.
%1</translation>
    </message>
    <message>
        <source>runs the image&apos;s command</source>
        <translation>führt den Befehl des Images aus</translation>
    </message>
    <message>
        <source>arguments: %1</source>
        <translation>Argumente: %1</translation>
    </message>
    <message>
        <source>uses the image&apos;s entrypoint</source>
        <translation>verwendet den Entrypoint des Images</translation>
    </message>
    <message>
        <source>no entrypoint: the command runs by itself</source>
        <translation>kein Entrypoint: der Befehl läuft für sich allein</translation>
    </message>
    <message>
        <source>program: %1</source>
        <translation>Programm: %1</translation>
    </message>
    <message>
        <source>Ready to run.</source>
        <translation>Bereit zum Starten.</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The helper has not described this host yet: the files below assume %1.</source>
        <translation>Der Helfer hat diesen Rechner noch nicht beschrieben: die Dateien unten nehmen %1 an.</translation>
    </message>
    <message>
        <source>This host: %1 · %2 CPUs · %3 of memory · swap accounting %4</source>
        <translation>Dieser Rechner: %1 · %2 CPUs · %3 Speicher · Swap-Abrechnung %4</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Its own network namespace with a veth pair on the koker0 bridge; the host reaches the internet for it through NAT.</source>
        <translation>Ein eigener Netzwerk-Namespace mit einem veth-Paar an der Bridge koker0; der Host verbindet ihn per NAT mit dem Internet.</translation>
    </message>
    <message>
        <source>Its own network namespace with only the loopback interface: no network.</source>
        <translation>Ein eigener Netzwerk-Namespace nur mit der Loopback-Schnittstelle: kein Netzwerk.</translation>
    </message>
    <message>
        <source>No network namespace: the container sees and uses the host&apos;s interfaces.</source>
        <translation>Kein Netzwerk-Namespace: der Container sieht und benutzt die Schnittstellen des Hosts.</translation>
    </message>
    <message>
        <source>Your network “%1”: containers on it reach each other by name.</source>
        <translation>Dein Netzwerk „%1“: Container darin erreichen einander über ihren Namen.</translation>
    </message>
</context>
<context>
    <name>koker::studio::RunForm</name>
    <message>
        <source>The command has an unclosed single quote (&apos;): add the closing quote, or escape it as \&apos;.</source>
        <translation>Im Befehl ist ein einfaches Anführungszeichen (&apos;) nicht geschlossen: ergänze das schließende oder schreibe es als \&apos;.</translation>
    </message>
    <message>
        <source>The entrypoint has an unclosed single quote (&apos;): add the closing quote, or escape it as \&apos;.</source>
        <translation>Im Entrypoint ist ein einfaches Anführungszeichen (&apos;) nicht geschlossen: ergänze das schließende oder schreibe es als \&apos;.</translation>
    </message>
    <message>
        <source>The command has an unclosed double quote (&quot;): add the closing quote, or escape it as \&quot;.</source>
        <translation>Im Befehl ist ein doppeltes Anführungszeichen (&quot;) nicht geschlossen: ergänze das schließende oder schreibe es als \&quot;.</translation>
    </message>
    <message>
        <source>The entrypoint has an unclosed double quote (&quot;): add the closing quote, or escape it as \&quot;.</source>
        <translation>Im Entrypoint ist ein doppeltes Anführungszeichen (&quot;) nicht geschlossen: ergänze das schließende oder schreibe es als \&quot;.</translation>
    </message>
    <message>
        <source>The command ends with a lone backslash: remove it, or write \\ for a backslash.</source>
        <translation>Der Befehl endet mit einem einzelnen Backslash: entferne ihn oder schreibe \\ für einen Backslash.</translation>
    </message>
    <message>
        <source>The entrypoint ends with a lone backslash: remove it, or write \\ for a backslash.</source>
        <translation>Der Entrypoint endet mit einem einzelnen Backslash: entferne ihn oder schreibe \\ für einen Backslash.</translation>
    </message>
    <message>
        <source>Memory must be at least 6 MiB, or 0 for no limit: the container&apos;s runtime alone needs that much.</source>
        <translation>Der Speicher muss mindestens 6 MiB betragen oder 0 für keine Grenze: so viel braucht schon die Laufzeitumgebung des Containers.</translation>
    </message>
    <message>
        <source>The memory limit is too large: use 0 for no limit.</source>
        <translation>Die Speichergrenze ist zu groß: verwende 0 für keine Grenze.</translation>
    </message>
    <message>
        <source>The memory limit (%1) is more than this host&apos;s memory (%2): it will never be reached.</source>
        <translation>Die Speichergrenze (%1) ist größer als der Speicher dieses Rechners (%2): sie wird nie erreicht.</translation>
    </message>
    <message>
        <source>Swap must be a size, 0 for the default (twice the memory), or unlimited.</source>
        <translation>Swap muss eine Größe sein, 0 für den Standard (das Doppelte des Speichers) oder unbegrenzt.</translation>
    </message>
    <message>
        <source>A swap limit needs a memory limit: set Memory first, or choose unlimited swap.</source>
        <translation>Eine Swap-Grenze braucht eine Speichergrenze: setze zuerst den Speicher oder wähle unbegrenzten Swap.</translation>
    </message>
    <message>
        <source>Swap (memory + swap) must be at least the memory limit (%1): it counts memory and swap together. Raise it, use 0 for the default (twice the memory), or choose unlimited swap.</source>
        <translation>Swap (Speicher + Swap) muss mindestens die Speichergrenze (%1) betragen: er zählt Speicher und Swap zusammen. Erhöhe ihn, verwende 0 für den Standard (das Doppelte des Speichers) oder wähle unbegrenzten Swap.</translation>
    </message>
    <message>
        <source>This kernel does not account swap, so swap will not be limited (boot with swapaccount=1 to turn it on).</source>
        <translation>Dieser Kernel rechnet Swap nicht ab, daher wird Swap nicht begrenzt (mit swapaccount=1 booten, um es einzuschalten).</translation>
    </message>
    <message>
        <source>The CPU limit must be at least 0.01, or 0 for no limit: the kernel&apos;s smallest quota is 1 ms in every 100 ms.</source>
        <translation>Die CPU-Grenze muss mindestens 0,01 betragen oder 0 für keine Grenze: das kleinste Kontingent des Kernels ist 1 ms pro 100 ms.</translation>
    </message>
    <message>
        <source>The CPU limit (%1) is more than this host has (%2): choose at most %2.</source>
        <translation>Die CPU-Grenze (%1) ist mehr, als dieser Rechner hat (%2): wähle höchstens %2.</translation>
    </message>
    <message>
        <source>The process limit must be a positive number, or 0 for no limit.</source>
        <translation>Die Prozessgrenze muss eine positive Zahl sein oder 0 für keine Grenze.</translation>
    </message>
    <message>
        <source>The process limit can be at most 4194304 (the kernel&apos;s maximum), or 0 for no limit.</source>
        <translation>Die Prozessgrenze darf höchstens 4194304 betragen (das Maximum des Kernels) oder 0 für keine Grenze.</translation>
    </message>
    <message>
        <source>Choose the image to run, for example alpine or starter:latest.</source>
        <translation>Wähle das zu startende Image, zum Beispiel alpine oder starter:latest.</translation>
    </message>
    <message>
        <source>“%1” is not an image name: use lowercase NAME[:TAG] or NAME@sha256:DIGEST, for example alpine:3.19.</source>
        <translation>„%1“ ist kein Image-Name: verwende kleingeschrieben NAME[:TAG] oder NAME@sha256:DIGEST, zum Beispiel alpine:3.19.</translation>
    </message>
    <message>
        <source>The name may contain only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, must start with a letter or digit and be at most 128 characters long (or leave it empty for a generated name).</source>
        <translation>Der Name darf nur Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos; enthalten, muss mit einem Buchstaben oder einer Ziffer beginnen und höchstens 128 Zeichen lang sein (oder leer bleiben für einen erzeugten Namen).</translation>
    </message>
    <message>
        <source>Without an entrypoint the image&apos;s command is cleared too: type the command to run.</source>
        <translation>Ohne Entrypoint wird auch der Befehl des Images geleert: gib den auszuführenden Befehl ein.</translation>
    </message>
    <message>
        <source>The entrypoint&apos;s first word is empty: give the program to run, or write just &quot;&quot; to run without an entrypoint.</source>
        <translation>Das erste Wort des Entrypoints ist leer: gib das auszuführende Programm an oder schreibe nur &quot;&quot;, um ohne Entrypoint zu starten.</translation>
    </message>
    <message>
        <source>Environment row %1: the variable name is empty: type a name such as GREETING, or remove the row.</source>
        <translation>Umgebung, Zeile %1: der Variablenname ist leer: gib einen Namen wie GREETING ein oder entferne die Zeile.</translation>
    </message>
    <message>
        <source>Environment row %1: “%2” is not a variable name: use letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, starting with a letter or &apos;_&apos;.</source>
        <translation>Umgebung, Zeile %1: „%2“ ist kein Variablenname: verwende Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos;, beginnend mit einem Buchstaben oder &apos;_&apos;.</translation>
    </message>
    <message>
        <source>Environment row %1: %2 is already set in row %3: remove one of them.</source>
        <translation>Umgebung, Zeile %1: %2 ist schon in Zeile %3 gesetzt: entferne eine von beiden.</translation>
    </message>
    <message>
        <source>The working directory must be an absolute path in the container, starting with / (or leave it empty for the image&apos;s).</source>
        <translation>Das Arbeitsverzeichnis muss ein absoluter Pfad im Container sein, beginnend mit / (oder leer für das des Images).</translation>
    </message>
    <message>
        <source>The user must be a name or a number, optionally with a group: root, 1000 or 1000:1000 (or leave it empty for the image&apos;s).</source>
        <translation>Der Benutzer muss ein Name oder eine Zahl sein, wahlweise mit Gruppe: root, 1000 oder 1000:1000 (oder leer für den des Images).</translation>
    </message>
    <message>
        <source>The hostname may contain letters, digits, &apos;-&apos; and &apos;.&apos;, must start and end with a letter or digit and be at most 63 characters long.</source>
        <translation>Der Hostname darf Buchstaben, Ziffern, &apos;-&apos; und &apos;.&apos; enthalten, muss mit einem Buchstaben oder einer Ziffer beginnen und enden und höchstens 63 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>“%1” is not a network name: choose bridge, none, host or one of your networks.</source>
        <translation>„%1“ ist kein Netzwerkname: wähle bridge, none, host oder eines deiner Netzwerke.</translation>
    </message>
    <message>
        <source>Port row %1: “%2” is not an IPv4 address: write one such as 127.0.0.1, or leave it empty to listen on all addresses.</source>
        <translation>Ports, Zeile %1: „%2“ ist keine IPv4-Adresse: schreibe eine wie 127.0.0.1 oder lass das Feld leer, um auf allen Adressen zu lauschen.</translation>
    </message>
    <message>
        <source>Port row %1: the host port must be a number from 1 to 65535 (or empty for the same as the container port).</source>
        <translation>Ports, Zeile %1: der Host-Port muss eine Zahl von 1 bis 65535 sein (oder leer für denselben wie der Container-Port).</translation>
    </message>
    <message>
        <source>Port row %1: the container port must be a number from 1 to 65535.</source>
        <translation>Ports, Zeile %1: der Container-Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>Port row %1: the protocol must be tcp or udp.</source>
        <translation>Ports, Zeile %1: das Protokoll muss tcp oder udp sein.</translation>
    </message>
    <message>
        <source>Port row %1: host port %2/%3 is already published in row %4: choose another host port.</source>
        <translation>Ports, Zeile %1: Host-Port %2/%3 ist schon in Zeile %4 veröffentlicht: wähle einen anderen Host-Port.</translation>
    </message>
    <message>
        <source>Published ports do nothing with the host network: the container already uses the host&apos;s own ports.</source>
        <translation>Veröffentlichte Ports bewirken im Host-Netzwerk nichts: der Container verwendet bereits die Ports des Hosts.</translation>
    </message>
    <message>
        <source>Published ports do nothing with the none network: the container has only a loopback interface.</source>
        <translation>Veröffentlichte Ports bewirken im Netzwerk none nichts: der Container hat nur eine Loopback-Schnittstelle.</translation>
    </message>
    <message>
        <source>Volume row %1: choose a host folder (Browse…).</source>
        <translation>Volumes, Zeile %1: wähle einen Host-Ordner (Durchsuchen…).</translation>
    </message>
    <message>
        <source>Volume row %1: the host folder must be an absolute path (starting with /).</source>
        <translation>Volumes, Zeile %1: der Host-Ordner muss ein absoluter Pfad sein (beginnend mit /).</translation>
    </message>
    <message>
        <source>Volume row %1: the host path contains &apos;:&apos;, which koker run -v cannot express: choose a folder without &apos;:&apos; in its path.</source>
        <translation>Volumes, Zeile %1: der Host-Pfad enthält &apos;:&apos;, was koker run -v nicht ausdrücken kann: wähle einen Ordner ohne &apos;:&apos; im Pfad.</translation>
    </message>
    <message>
        <source>Volume row %1: the container path must be absolute (start with /) and not / itself.</source>
        <translation>Volumes, Zeile %1: der Pfad im Container muss absolut sein (mit / beginnen) und darf nicht / selbst sein.</translation>
    </message>
    <message>
        <source>Volume row %1: the container path must not contain &apos;:&apos;.</source>
        <translation>Volumes, Zeile %1: der Pfad im Container darf kein &apos;:&apos; enthalten.</translation>
    </message>
    <message>
        <source>Volume row %1: %2 is already mounted by row %3: choose another container path.</source>
        <translation>Volumes, Zeile %1: %2 wird schon von Zeile %3 eingehängt: wähle einen anderen Pfad im Container.</translation>
    </message>
    <message>
        <source>Privileged: the container gets every capability and no seccomp filter, so it can change the host. Use it only for experiments.</source>
        <translation>Privilegiert: der Container bekommt alle Capabilities und keinen seccomp-Filter und kann daher den Host verändern. Nur für Experimente verwenden.</translation>
    </message>
    <message>
        <source>“%1” is not a Linux capability: use names like NET_ADMIN or SYS_TIME (the CAP_ prefix is optional), or ALL.</source>
        <translation>„%1“ ist keine Linux-Capability: verwende Namen wie NET_ADMIN oder SYS_TIME (das Präfix CAP_ ist optional) oder ALL.</translation>
    </message>
    <message>
        <source>cgroup v1 (legacy)</source>
        <translation>cgroup v1 (legacy)</translation>
    </message>
    <message>
        <source>cgroup v1 + v2 (hybrid: limits use the v1 files)</source>
        <translation>cgroup v1 + v2 (hybrid: Grenzen nutzen die v1-Dateien)</translation>
    </message>
    <message>
        <source>cgroup v2 (unified)</source>
        <translation>cgroup v2 (unified)</translation>
    </message>
    <message>
        <source>On this host (%1):</source>
        <translation>Auf diesem Rechner (%1):</translation>
    </message>
    <message>
        <source>The helper has not told the host&apos;s cgroup mode yet; assuming %1:</source>
        <translation>Der Helfer hat den cgroup-Modus des Rechners noch nicht genannt; angenommen wird %1:</translation>
    </message>
    <message>
        <source>nothing can be written until the value is fixed</source>
        <translation>nichts kann geschrieben werden, bis der Wert korrigiert ist</translation>
    </message>
    <message>
        <source>%1 is not written: this kernel does not account swap (boot with swapaccount=1)</source>
        <translation>%1 wird nicht geschrieben: dieser Kernel rechnet Swap nicht ab (mit swapaccount=1 booten)</translation>
    </message>
    <message>
        <source>nothing is written: swap is limited only together with memory</source>
        <translation>nichts wird geschrieben: Swap wird nur zusammen mit dem Speicher begrenzt</translation>
    </message>
    <message>
        <source>no limit: nothing is written</source>
        <translation>keine Grenze: nichts wird geschrieben</translation>
    </message>
</context>
<context>
    <name>koker::studio::SettingsDialog</name>
    <message>
        <source>The system&apos;s language</source>
        <translation>Die Sprache des Systems</translation>
    </message>
    <message>
        <source>%1 does not exist: no registry is marked insecure.</source>
        <translation>%1 existiert nicht: keine Registry ist als unsicher markiert.</translation>
    </message>
    <message>
        <source>The administrator&apos;s settings in %1:</source>
        <translation>Die Einstellungen des Administrators in %1:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>user id %1</source>
        <translation>Benutzer-ID %1</translation>
    </message>
    <message>
        <source>%1 (user id %2)</source>
        <translation>%1 (Benutzer-ID %2)</translation>
    </message>
    <message>
        <source>on: a swap limit is written</source>
        <translation>an: eine Swap-Grenze wird geschrieben</translation>
    </message>
    <message>
        <source>off: swap limits are not enforced on this computer</source>
        <translation>aus: Swap-Grenzen werden auf diesem Rechner nicht durchgesetzt</translation>
    </message>
    <message>
        <source>This computer uses cgroup v2: one tree under /sys/fs/cgroup. A memory limit is written to memory.max, a CPU limit to cpu.max, a process limit to pids.max, all in the container&apos;s own directory.</source>
        <translation>Dieser Rechner verwendet cgroup v2: ein Baum unter /sys/fs/cgroup. Eine Speichergrenze wird in memory.max geschrieben, eine CPU-Grenze in cpu.max, eine Prozessgrenze in pids.max, alle im eigenen Verzeichnis des Containers.</translation>
    </message>
    <message>
        <source>This computer uses cgroup v1 for the limits, with a v2 tree beside them that only tracks processes. A memory limit is written to memory/…/memory.limit_in_bytes, a CPU limit to cpu/…/cpu.cfs_quota_us, a process limit to pids/…/pids.max: one directory per controller.</source>
        <translation>Dieser Rechner verwendet cgroup v1 für die Grenzen, daneben einen v2-Baum, der nur Prozesse verfolgt. Eine Speichergrenze wird in memory/…/memory.limit_in_bytes geschrieben, eine CPU-Grenze in cpu/…/cpu.cfs_quota_us, eine Prozessgrenze in pids/…/pids.max: ein Verzeichnis pro Controller.</translation>
    </message>
    <message>
        <source>This computer uses cgroup v1 only: one tree per controller. A memory limit is written to memory/…/memory.limit_in_bytes, a CPU limit to cpu/…/cpu.cfs_quota_us, a process limit to pids/…/pids.max.</source>
        <translation>Dieser Rechner verwendet nur cgroup v1: ein Baum pro Controller. Eine Speichergrenze wird in memory/…/memory.limit_in_bytes geschrieben, eine CPU-Grenze in cpu/…/cpu.cfs_quota_us, eine Prozessgrenze in pids/…/pids.max.</translation>
    </message>
</context>
<context>
    <name>koker::studio::StepDetailsPane</name>
    <message>
        <source>(untitled step)</source>
        <translation>(Schritt ohne Titel)</translation>
    </message>
    <message>
        <source>step #%1</source>
        <translation>Schritt Nr. %1</translation>
    </message>
    <message>
        <source>%1 · step #%2</source>
        <translation>%1 · Schritt Nr. %2</translation>
    </message>
    <message>
        <source>inside the container, pid %1 there</source>
        <translation>im Container, dort PID %1</translation>
    </message>
    <message>
        <source>inside the container</source>
        <translation>im Container</translation>
    </message>
    <message>
        <source>on the host, pid %1</source>
        <translation>auf dem Host, PID %1</translation>
    </message>
    <message>
        <source>on the host</source>
        <translation>auf dem Host</translation>
    </message>
    <message>
        <source>planned: it has not run yet</source>
        <translation>geplant: noch nicht ausgeführt</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>failed with %1</source>
        <translation>fehlgeschlagen mit %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>This step failed</source>
        <translation>Dieser Schritt ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>This step failed with %1</source>
        <translation>Dieser Schritt ist mit %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Undoing an earlier step failed too: the host may keep a leftover, see the operation below.</source>
        <translation>Auch das Rückgängigmachen eines früheren Schritts ist fehlgeschlagen: auf dem Host kann ein Rest bleiben, siehe die Operation unten.</translation>
    </message>
    <message>
        <source>The steps completed before it are undone in reverse order; they appear in the cleanup lane.</source>
        <translation>Die vorher abgeschlossenen Schritte werden in umgekehrter Reihenfolge rückgängig gemacht; sie erscheinen in der Bahn „Aufräumen“.</translation>
    </message>
    <message>
        <source>Rollback: a later step failed, so this undoes an earlier one.</source>
        <translation>Rückabwicklung: ein späterer Schritt ist fehlgeschlagen, deshalb macht dieser einen früheren rückgängig.</translation>
    </message>
    <message>
        <source>%1 after the action began</source>
        <translation>%1 nach Beginn der Aktion</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>läuft noch</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>Lies: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>koker::studio::StepExportFile</name>
    <message>
        <source>Shell script (replays the container by hand)</source>
        <translation>Shell-Skript (baut den Container von Hand nach)</translation>
    </message>
    <message>
        <source>Chrome trace (open in Perfetto)</source>
        <translation>Chrome-Trace (in Perfetto öffnen)</translation>
    </message>
    <message>
        <source>Markdown lab report</source>
        <translation>Markdown-Laborbericht</translation>
    </message>
    <message>
        <source>Shell scripts (*.sh)</source>
        <translation>Shell-Skripte (*.sh)</translation>
    </message>
    <message>
        <source>Trace files (*.json)</source>
        <translation>Trace-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown-Dateien (*.md)</translation>
    </message>
</context>
<context>
    <name>koker::studio::StepThroughBar</name>
    <message>
        <source>Step-through: running a step…</source>
        <translation>Schrittmodus: ein Schritt läuft…</translation>
    </message>
    <message>
        <source>Paused before step %1: &lt;b&gt;%2&lt;/b&gt;. Look at the host now (ip link, findmnt, ls /sys/fs/cgroup/…), then choose.</source>
        <translation>Angehalten vor Schritt %1: &lt;b&gt;%2&lt;/b&gt;. Sieh dir jetzt den Host an (ip link, findmnt, ls /sys/fs/cgroup/…) und entscheide dann.</translation>
    </message>
    <message>
        <source>Step-through: running the remaining steps without pausing…</source>
        <translation>Schrittmodus: die übrigen Schritte laufen ohne Pause…</translation>
    </message>
    <message>
        <source>Aborting: undoing the steps done so far…</source>
        <translation>Abbruch: die bisherigen Schritte werden rückgängig gemacht…</translation>
    </message>
    <message numerus="yes">
        <source>Step-through finished: the container runs (%n step(s) allowed).</source>
        <translation>
            <numerusform>Schrittmodus beendet: der Container läuft (%n Schritt erlaubt).</numerusform>
            <numerusform>Schrittmodus beendet: der Container läuft (%n Schritte erlaubt).</numerusform>
        </translation>
    </message>
    <message>
        <source>Step-through stopped: %1 Everything done so far was rolled back.</source>
        <translation>Schrittmodus abgebrochen: %1 Alles bisher Getane wurde zurückgerollt.</translation>
    </message>
</context>
<context>
    <name>koker::studio::StepTimelineModel</name>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>cgroup</source>
        <translation>cgroup</translation>
    </message>
    <message>
        <source>network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>cleanup</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <source>container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host (das des Hosts)</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Exec</source>
        <translation>Exec</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Abschießen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Cleanup</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Abgleichen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>errno %1</source>
        <translation>errno %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>koker::studio::TimelineView</name>
    <message>
        <source>Step timeline</source>
        <translation>Schritt-Zeitleiste</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No steps yet. Run a container or select one to see how it was made.</source>
        <translation>Noch keine Schritte. Starte einen Container oder wähle einen aus, um zu sehen, wie er entstanden ist.</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>%1 · %2 later</source>
        <translation>%1 · %2 später</translation>
    </message>
    <message>
        <source>done on the host</source>
        <translation>auf dem Host ausgeführt</translation>
    </message>
    <message>
        <source>done in the container</source>
        <translation>im Container ausgeführt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>in the container</source>
        <translation>im Container</translation>
    </message>
    <message>
        <source>on the host</source>
        <translation>auf dem Host</translation>
    </message>
</context>
<context>
    <name>koker::studio::TimelineWidget</name>
    <message>
        <source>Steps: %1</source>
        <translation>Schritte: %1</translation>
    </message>
    <message>
        <source>Actions: %1</source>
        <translation>Aktionen: %1</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Laufend: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel on the lanes)</source>
        <translation>Vergrößern (Strg+Mausrad auf den Bahnen)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel on the lanes)</source>
        <translation>Verkleinern (Strg+Mausrad auf den Bahnen)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show every step</source>
        <translation>Alle Schritte zeigen</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Mitlaufen</translation>
    </message>
    <message>
        <source>Keep the newest step in view while a container is being made</source>
        <translation>Den neuesten Schritt im Blick behalten, während ein Container entsteht</translation>
    </message>
</context>
<context>
    <name>koker::studio::UnderTheHoodPanel</name>
    <message>
        <source>Select a running container to look under the hood.</source>
        <translation>Wähle einen laufenden Container, um unter die Haube zu schauen.</translation>
    </message>
    <message>
        <source>Press Refresh to ask the kernel about %1.</source>
        <translation>Drücke Aktualisieren, um den Kernel nach %1 zu fragen.</translation>
    </message>
    <message>
        <source>Asking the kernel…</source>
        <translation>Der Kernel wird gefragt…</translation>
    </message>
    <message>
        <source>%1 is not running, so the kernel has nothing to show: no namespaces, no cgroup, no mounts. Start it, then press Refresh.</source>
        <translation>%1 läuft nicht, also hat der Kernel nichts zu zeigen: keine Namespaces, keine Cgroup, keine Mounts. Starte ihn und drücke dann Aktualisieren.</translation>
    </message>
    <message>
        <source>kokerd&apos;s answer could not be read: %1</source>
        <translation>Die Antwort von kokerd war nicht lesbar: %1</translation>
    </message>
    <message>
        <source>%1, host PID %2, as the kernel saw it at %3</source>
        <translation>%1, Host-PID %2, wie der Kernel ihn um %3 sah</translation>
    </message>
    <message>
        <source>&lt;b&gt;This host:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Dieser Host:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Its cgroup directories:&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Seine Cgroup-Verzeichnisse:&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>&lt;b&gt;Counters:&lt;/b&gt; OOM kills %1 · memory limit hits (failcnt) %2 · CPU periods %3, throttled %4, throttled time %5 · processes %6 of %7</source>
        <translation>&lt;b&gt;Zähler:&lt;/b&gt; OOM-Kills %1 · Speichergrenze erreicht (failcnt) %2 · CPU-Perioden %3, gedrosselt %4, gedrosselte Zeit %5 · Prozesse %6 von %7</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Koker Studio</source>
        <translation>Koker Studio</translation>
    </message>
    <message>
        <source>A container studio that shows every kernel-level step.</source>
        <translation>Ein Container-Studio, das jeden Schritt auf Kernel-Ebene zeigt.</translation>
    </message>
</context>
</TS>
