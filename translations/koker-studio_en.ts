<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Koker Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koker Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container studio for learning: run containers from images and watch every step the kernel takes to make them: namespaces, control groups, mounts, network devices and firewall rules.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CleanupProofDialog</name>
    <message>
        <source>Proof of cleanup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change the container made on this computer, from its recorded steps, and what kokerd found when it looked again after the removal: mount tables, cgroup directories, network interfaces, firewall rules and address leases.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerDetails</name>
    <message>
        <source>Select a container to see its steps, details, logs and graphs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every kernel-level step of this container&apos;s actions, live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container&apos;s configuration, state, cgroups, mounts and network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the container&apos;s main process wrote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep reading new output as it arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show when each piece of output was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory, CPU and processes over time, against their limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under the hood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the kernel says about the running container: namespaces, cgroup files, mounts, network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainersView</name>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, image or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new container (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the selected container again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the container&apos;s main process to end (SIGTERM, then SIGKILL after 10 seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the container&apos;s main process at once (SIGKILL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the container and everything it made on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a terminal to the container&apos;s main process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a new shell inside the container (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No containers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container is a process that runs in its own namespaces, under its own cgroup limits, on a copy-on-write view of an image. Start one and watch every step the kernel takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a container…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExperimentsDialog</name>
    <message>
        <source>Guided experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each experiment runs a real container through kokerd with one limit set, provokes the limit, shows what the kernel did and removes the container again. Try the same commands in a terminal afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The experiments need sh, sleep and cat: the starter image (busybox) has them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit → OOM killer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fork bomb → pids.max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU quota → throttling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--network host → the host&apos;s interfaces</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageInspectDialog</name>
    <message>
        <source>Inspect image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrypoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program every container of this image starts; the command is given to it as arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What runs when you give no command of your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposed ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each layer is a set of file changes. Stacked with overlayfs, bottom first, they make the container&apos;s root file system; containers share them read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content digest (DiffID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagesView</name>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, tag or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download an image from a registry (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new container from the selected image (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the image&apos;s configuration, layers and history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected image name (the layers go when no name is left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load from or save to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No images yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image is the file system and settings a container starts from. Make a tiny starter image from the busybox on this computer (no internet needed), pull one from a registry, or load one from a file your teacher gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the starter image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull an image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load from a file…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Koker Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The images in the store (Alt+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your containers (Alt+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminals attached to containers (Alt+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No terminal is open. Run an image with “Terminal” checked, or select a running container and press Shell (Ctrl+T) or Attach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load image from a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a docker-archive or OCI archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save image to a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected image as a docker-archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Koker Studio (containers keep running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pull…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download an image from a registry (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the &amp;starter image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make starter:latest from this computer&apos;s busybox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspect image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new container (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a terminal to the container&apos;s main process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a shell in the selected running container (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read images and containers again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper status, this computer&apos;s cgroups, registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Koker Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided &amp;experiments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provoke the OOM killer, a fork bomb, CPU throttling and host networking in real containers, with the results explained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Proof of cleanup of the last removal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checklist of everything the last removed container had changed on this computer, and whether it is gone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Pull an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download an image from a registry. “alpine” means docker.io/library/alpine:latest; a classroom registry looks like lab.local:5000/alpine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alpine:latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty for this computer&apos;s platform; images for other platforms download but do not run here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%p % of all layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this window; a running pull goes on and its steps stay in the timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <source>Run a Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image to run: one of yours, or a name such as alpine:3.19 (pulled when missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image&apos;s command, e.g. sh -c &apos;echo hello&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words are split like a shell does: quote a word that has spaces (&apos;echo hi&apos;). Nothing is expanded: $HOME reaches the container as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entrypoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image&apos;s entrypoint; &quot;&quot; for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program that runs the command. Like docker run --entrypoint, it replaces the image&apos;s entrypoint and clears the image&apos;s command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image&apos;s, e.g. /app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image&apos;s, e.g. 1000:1000 or nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hostname:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the container&apos;s short id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep input open (-&amp;i)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocate a terminal (-&amp;t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove the container when it exits (--rm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Advanced: privileges and capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Privileged: every capability, no seccomp filter (--privileged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add capa&amp;bilities:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. NET_ADMIN SYS_TIME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drop capabilities:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. NET_RAW, or ALL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En&amp;vironment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net&amp;work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network &amp;mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published ports (a host port forwarded to a container port):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;olumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koker Studio opens each folder as you and hands the open folder to the helper, so a container can only get folders you can open yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory + &amp;swap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CPUs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Processes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 means no limit. The line under each slider is the cgroup file the helper will write and the exact value, on this host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same from a terminal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause before each step (--step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in step-through mode: the timeline shows the next step and waits for Next, Continue or Abort, so you can look at the host in between</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koker Studio runs as you. Everything that needs root (namespaces, cgroups, mounts, network devices) is done by the helper, kokerd, which asks polkit whether you may, for every request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where kokerd keeps images and containers (readable by root only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a password when polkit needs one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When off, actions that need an administrator&apos;s password fail with a message instead of asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap accounting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images without a registry in their name come from Docker Hub (docker.io): “alpine” is docker.io/library/alpine:latest. Registries on this computer (localhost, 127.0.0.1) may use plain HTTP. Any other registry needs HTTPS unless the administrator marks it insecure in /etc/koker/registries.conf. Log in to a private registry with “koker login”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used the next time Koker Studio starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepDetailsPane</name>
    <message>
        <source>Step details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a step on the timeline or in the list to see what it did, the command that does the same, and why it is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same from a shell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepExplanations</name>
    <message>
        <source>Image steps bring an image&apos;s files onto this machine: its manifest, its config and its layers, from a registry or an archive. Everything lands in a content-addressed store, where each file is named by the sha256 of its content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage steps prepare the files the container sees: its own writable layer on top of the shared image layers, and the special file systems a Linux program expects. Nothing in the image itself is ever changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control groups (cgroups) are how the kernel limits and measures a group of processes: memory, CPU time, number of processes, devices. A cgroup is a directory; its settings are files you write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A limit is a number written to a file of the container&apos;s cgroup. From then on the kernel enforces it for every process of the container, children included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network steps give the container its own network: a namespace with its own interfaces, a virtual cable (veth) to a bridge on the host, an address, routes and firewall rules for NAT. Each is a netlink request or a file write you could do with ip(8) and iptables(8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network interfaces (links) are created, configured and deleted with netlink requests (RTM_NEWLINK, RTM_DELLINK). The ip link command sends the same requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iptables rules tell the kernel&apos;s packet filter what to do with packets: accept, drop or rewrite their addresses (NAT). koker keeps its rules in its own chains, marked with comments, so it can remove exactly what it added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces give a process its own view of one part of the system: process ids, mounts, network, hostname, IPC or cgroups. A container is a process in new namespaces, nothing more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount steps build the container&apos;s file system tree inside its own mount namespace. What is mounted there is invisible to the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process steps prepare the program that will run: its standard streams, its user, its capabilities and its system call filter, until execve() starts it. Most run in the new process itself, between clone and execve, and report back to the host over a socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container steps keep koker&apos;s own record of the container: its configuration and state under the store. They do not touch the kernel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleanup steps undo what setup did: stop the processes, remove cgroups, network links and rules, unmount and delete files. Each mirrors a setup step, in reverse order, so nothing is left behind on the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>koker records the container before anything else: a directory of its own in the store with config.json, holding the image, command and limits you chose. Nothing runs yet; koker inspect reads this record back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every container needs its own hostname, /etc/hosts and /etc/resolv.conf. koker writes them next to the container and later bind-mounts them over the image&apos;s files, so the image itself is never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A volume is a host folder you chose. The studio opened it and passed the open file descriptor, and koker bind-mounts exactly that descriptor, so a path swapped for a symlink later cannot redirect the container elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime files of a running container, such as its attach socket, live under /run/koker. Once the container is gone they are removed, so nothing stale is left for the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing a container deletes its directory, with the writable layer that held all its changes. The image layers are untouched: other containers still use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cgroup is a directory in the cgroup file system: creating the directory creates the group. On a v1 or hybrid host there is one tree per controller (memory, cpu, pids, ...), so koker creates one directory in each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On cgroup v2 a controller such as memory or pids must be switched on for a group&apos;s children before their limit files appear. Writing &quot;+memory +pids&quot; to cgroup.subtree_control in the parent does that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new cpuset cgroup (v1) starts with no CPUs and no memory nodes, and no process can join an empty cpuset. koker copies the parent&apos;s cpuset.cpus and cpuset.mems so the container may use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This write sets the memory limit. When the container&apos;s processes use more, the kernel first reclaims memory and then the OOM killer kills one of them. The file is memory.max on cgroup v2 and memory.limit_in_bytes on v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On cgroup v1 swap is limited together with memory: memory.memsw.limit_in_bytes caps memory plus swap. It is written after the memory limit, because the kernel refuses a memory+swap limit below the memory limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On cgroup v2 swap has its own limit, memory.swap.max. Writing 0 forbids swapping, so the memory limit is a hard wall; &quot;max&quot; lets the container swap freely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CPU limit is a quota per period: &quot;50000 100000&quot; means 50 ms of CPU time in every 100 ms, half a core. When the container has used its quota its threads wait, throttled, until the next period begins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pids.max limits how many processes and threads the container may have at once. A fork bomb stops at the limit: fork() fails with EAGAIN instead of filling the host&apos;s process table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On cgroup v1 the devices controller decides which device files the container may open. Writing &quot;a&quot; to devices.deny first forbids every device; the next step allows back only the harmless ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each line written to devices.allow permits one kind of device: &quot;c 1:3 rwm&quot; is the character device 1:3 (/dev/null) for read, write and mknod. The list is Docker&apos;s default: null, zero, random, tty and pseudo-terminals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container&apos;s first process puts itself into its cgroups before it runs a single instruction of your program: clone3() starts it in the cgroup2 directory, and it writes &quot;0&quot; (itself) to the tasks file of each v1 hierarchy. Writing a pid to cgroup.procs would do the same, but it takes a global lock that waits for an RCU grace period, several milliseconds. Its children are then born in the same cgroups, and the limits apply to them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A process started with exec must join the container&apos;s cgroups too, or its memory and CPU time would not count against the container&apos;s limits. Like the container&apos;s first process, it is born in the cgroup2 directory and writes &quot;0&quot; (itself) to the tasks file of each v1 hierarchy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A write to a cgroup file changes how the kernel treats every process in that group. The files are plain text: read them with cat and change them with echo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing 1 to cgroup.kill (Linux 5.14 and later) kills every process in the group at once, with no race against processes that fork. Without that file, koker sends SIGKILL to each pid listed in cgroup.procs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On cgroup v1 the freezer stops every process in the group. Frozen processes cannot fork, so koker can read the list of pids and kill them all without a new one slipping through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A killed process only dies when it runs again, and a frozen one does not run. So the group is thawed right after SIGKILL was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an empty group can be removed. With cgroup v2 (or hybrid) koker reads cgroup.events, where the kernel keeps &quot;populated 0&quot; once the last process has gone; on v1 it reads cgroup.procs until it is empty. After the container&apos;s init has exited this is immediate: its PID namespace died with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cgroup is removed with rmdir once no process is left in it. The kernel then forgets its limits and counters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPAM (IP address management) picks a free address for the container on its network. It is written to a leases file under a lock, so two containers started at once never get the same address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container&apos;s address goes back to the network&apos;s pool. A later container can then get it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses leased to containers that no longer exist (after a crash or a power cut) are freed, so the pool does not run dry. This runs under the same lock as leasing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bridge is a virtual network switch inside the kernel. Every container on the network plugs one end of its veth cable into it, so containers reach each other and, through the host, the outside world.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network&apos;s bridge already exists from an earlier container. koker only checks that it is up and has the gateway address, and fixes what is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A veth pair is a virtual network cable: a packet sent into one end comes out of the other. One end stays on the host; the other is created directly in the container&apos;s network namespace and becomes its eth0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host end of the veth cable is plugged into the bridge by making the bridge its master. The container is now connected to the network&apos;s virtual switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new interface is down until it is brought up (IFF_UP). Only then does it send and receive packets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interface can be moved into another network namespace. It then vanishes from the host&apos;s ip link and appears only inside the container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interfaces can be renamed only while they are down. Inside the container the interface is called eth0, as programs expect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container&apos;s interface gets a MAC address made from its IP address (02:42:...), as Docker does. Neighbours&apos; ARP caches then stay right when an address is used again by another container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting one end of a veth pair deletes both ends. If the container&apos;s network namespace is already gone, so is the pair, and ENODEV here is fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host end of the veth cable is taken out of the bridge (its master is set to none), but not deleted: when the container&apos;s network namespace goes, the kernel deletes the container&apos;s eth0, and a veth pair never outlives one of its ends. The kernel does that on a worker of its own a few milliseconds later, so koker does not wait for it: deleting a network device waits for an RCU barrier, 10-20 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface gets an address with its prefix length, such as 10.96.0.2/16. The prefix tells the kernel which network is directly reachable, and the route to it is added with the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default route sends every packet for another network to the gateway. The gateway is the bridge&apos;s address on the host, which forwards the packet onward, NAT hiding the container&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each network namespace has its own loopback interface, lo, and it starts down. Bringing it up makes 127.0.0.1 work inside the container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel settings under /proc/sys are changed by writing to files. ip_forward lets the host route packets between the bridge and its real network card; route_localnet lets published ports answer on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>koker keeps its firewall rules in chains of its own (KOKER, KOKER-POSTROUTING, KOKER-FORWARD) and jumps to them once from the built-in chains. Its rules are then easy to find and to remove without touching anyone else&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule matches packets and says what to do with them. MASQUERADE rewrites the container&apos;s private source address to the host&apos;s, DNAT sends a published port to the container, and ACCEPT lets bridge traffic be forwarded. Each rule carries a comment naming its owner, so cleanup finds it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule is deleted by matching it exactly in its chain. koker deletes only the rules it added, so the host&apos;s own firewall stays as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every rule koker adds for a container carries a comment with the container&apos;s id. Cleanup deletes every rule with that comment, even rules left behind by a crash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network namespace is a separate copy of the network stack: its own interfaces, addresses, routes and firewall. koker bind-mounts it to a file so it lives on without a process, like ip netns add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmounting the namespace file drops its last reference. The kernel then destroys the namespace and every interface left in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers on the same network find each other by name through /etc/hosts. koker rewrites the file in place, not by rename, because each container sees it through a bind mount of that very file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With no container left on it, the network&apos;s files (its address plan and leases) are deleted. Its bridge and firewall rules were removed by the steps before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clone3() creates the container&apos;s first process already inside new namespaces: its own mount table (NEWNS), hostname (NEWUTS), IPC objects (NEWIPC) and process numbers (NEWPID), where it is pid 1. This is the moment a normal process becomes a container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mount namespace gives the container its own mount table. What it mounts, its root included, is invisible to the host, and pivot_root detaches the host&apos;s file system from its view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The UTS namespace holds the hostname and the NIS domain name. In its own UTS namespace a container can change its hostname without renaming the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IPC namespace separates System V IPC objects (shared memory, semaphores, message queues) and POSIX message queues. Processes in different IPC namespaces cannot reach each other&apos;s objects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PID namespace numbers processes afresh: the container&apos;s first process is pid 1 inside, while the host sees it under an ordinary pid. The container cannot see or signal processes outside its namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network namespace has its own interfaces, addresses, routes, firewall rules and ports. A container in its own network namespace sees only its eth0 and lo; with --network host it shares the host&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user namespace maps user and group ids, so that root inside can be an ordinary user outside. koker&apos;s containers share the host&apos;s user namespace: root in the container is root on the host, held back by capabilities, seccomp and the other namespaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A time namespace gives a container its own offsets for the monotonic and boot-time clocks. Containers rarely need one; koker&apos;s share the host&apos;s clocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec joins a running container: setns() moves the new process into each of the container&apos;s namespaces, found under /proc/PID/ns. The nsenter command does the same from a shell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining a PID namespace only applies to children: after setns() the process itself keeps its old pid. So it forks once, and the child is the one inside the container&apos;s PID namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container&apos;s process joins the network namespace the host prepared. Inside, it sees only eth0 and lo, with the addresses and routes set up before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In its own UTS namespace the container can have its own hostname. sethostname() changes it only there; the host keeps its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cgroup namespace makes the container&apos;s own cgroup look like the root. /proc/self/cgroup then shows &quot;/&quot; inside, so the container cannot learn or depend on the host&apos;s cgroup layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On systemd hosts mounts are shared between namespaces by default. Making every mount private (MS_PRIVATE, recursively) first ensures that what the container mounts never appears on the host, and the other way round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/proc shows the system&apos;s processes. Mounted from inside the new PID namespace, it shows only the container&apos;s processes, with its first process as pid 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/sys exposes the kernel&apos;s devices and settings. The container gets it read-only, so it can look at the host&apos;s hardware settings but not change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container must not see the host&apos;s disks and other devices. So it gets its own small /dev on a tmpfs, holding only the device nodes created next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mknod creates the few device nodes programs need: null, zero, full, random, urandom and tty. The usual symlinks (/dev/fd, /dev/stdin, ...) are added too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new devpts instance gives the container its own pseudo-terminals under /dev/pts. They are numbered from 0 and invisible to the host&apos;s terminals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/dev/shm is where programs keep POSIX shared memory. The container gets its own tmpfs there, so it can neither read nor fill the host&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mqueue file system shows POSIX message queues. Mounted in the container it shows only the queues of the container&apos;s IPC namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/tmp becomes a fresh tmpfs, a file system in memory. Its files vanish when the container stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hostname, hosts and resolv.conf prepared on the host are bind-mounted over the image&apos;s files. The target is opened inside the new root with openat2(RESOLVE_IN_ROOT), so a symlink in the image cannot aim the mount at a host file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bind mount makes a host folder appear inside the container at the target path. The same files are then seen from two places; a change on either side shows on the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pivot_root() makes the overlay the new root directory (/) of the mount namespace; the old root, the host&apos;s file system, is then detached and unreachable from inside. A chroot alone can be escaped; pivot_root in a private mount namespace cannot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some kernel files would leak host information or allow attacks, such as /proc/kcore, /proc/keys or /sys/firmware. They are hidden by mounting /dev/null or an empty read-only tmpfs over them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts of /proc (sys, sysrq-trigger, irq, bus, fs) change the whole host&apos;s kernel. They are remounted read-only inside the container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every container gets a small monitor process, like podman&apos;s conmon. It starts the container, is the parent that reaps it, records its exit code and keeps its output, so the container outlives koker and the studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec starts by forking a new process on the host. It will join the running container&apos;s namespaces and cgroups before it runs your command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process&apos;s standard input, output and error are connected to pipes from the monitor. The monitor keeps the output for koker logs and relays it to attached terminals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a terminal (-t) the process gets a pseudo-terminal opened inside the container&apos;s devpts. The master end goes to the monitor, and the process makes the other end its controlling terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working directory comes from the image or --workdir. If the image does not have that directory, it is created now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capabilities split root&apos;s power into pieces (CAP_NET_ADMIN, CAP_SYS_ADMIN, ...). Dropping them from the bounding set means no program in the container can ever get them back, not even a setuid one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process takes its user and groups from the image (or --user). The order matters: setgroups and setgid first, because after setuid it may no longer change its groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process keeps only the capabilities Docker grants by default, such as CHOWN, NET_BIND_SERVICE and KILL. Root in the container is then much weaker than root on the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no_new_privs makes execve() unable to grant privileges: setuid programs and file capabilities stop working. It is also what allows a seccomp filter without CAP_SYS_ADMIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A seccomp filter is a small BPF program the kernel runs on every system call. Calls a container never needs, such as loading kernel modules, rebooting or kexec, fail with EPERM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process changes to its working directory inside the new root. koker then checks with getcwd() that it really is inside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>execve() replaces the prepared process with your program. From here on it is an ordinary process on the host&apos;s kernel, with its own view of the system through namespaces and limited by cgroups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signal is sent to the container&apos;s first process through a pidfd, which cannot hit a wrong process even if the pid was reused. SIGTERM asks the program to stop; SIGKILL, sent when the timeout runs out, cannot be ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image name like alpine:latest is resolved to a manifest: the list of the image&apos;s layers and its config, each named by a digest (the sha256 of its content). Every later step then works on exact, verifiable content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>koker asks the registry for the manifest over HTTPS (GET /v2/&lt;name&gt;/manifests/&lt;tag&gt;). For a multi-platform image the answer is an index that lists one manifest per platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An index lists one manifest per platform (linux/amd64, linux/arm64, ...). koker picks the one matching this machine and fetches it by its digest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The config holds what the image runs (entrypoint, command, environment, working directory) and the diff_ids, the digests of the uncompressed layers. Its digest is checked like any other blob&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image config is stored as a blob named by its digest. Its content (entrypoint, environment, layers) is what koker image inspect shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each layer is a compressed tar of file changes. It is downloaded to a temporary file and committed to the store only when its size and sha256 digest match the manifest, so a corrupt or tampered layer is never used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A layer is unpacked once into its own directory, named by the digest of its content, and shared by every image and container that uses it. Files the layer deletes (whiteouts) become overlayfs whiteouts: character devices 0:0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers not yet in the store are extracted in parallel, one per thread. The steps that follow wait for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The config lists the digest of every uncompressed layer (diff_ids); each must be present in the store, or the image would be incomplete. It is the last check before the image is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest and the config are stored under their digests. The same content always gets the same name, so nothing is stored twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s index maps names such as alpine:latest to image ids. Only after this step does the image show up in koker images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tarball is copied into the blob store while its sha256 digest is computed. The digest becomes its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A verified blob is renamed to its digest. A rename is atomic: readers see either no blob or the whole blob, never half of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When saving, each layer is written into the archive as its own tar file. A loader reads them back in the order the manifest gives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image save writes a docker-archive: one tar file holding the image&apos;s layers, config and manifest. docker load and koker image load read it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>koker reads the archive&apos;s entries: layer tars, config files and manifest.json (docker-archive) or index.json (OCI layout). Nothing enters the store before it is verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest.json, or the OCI index, names the images in the archive. For each it gives the config, the layers in order and the tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest.json and repositories tell a loader which config and layers make each image. They also carry the image&apos;s names (tags).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tar&apos;s end-of-archive marker is written and the file is closed. The archive can now be copied to a machine without internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A later step failed, so koker undoes the steps it had completed, newest first, and leaves nothing behind on the host. This step undoes the following:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overlayfs (kernel docs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v2 (kernel docs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v1 memory (kernel docs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v1 devices (kernel docs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v1 freezer (kernel docs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cpusets (kernel docs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CFS bandwidth control (kernel docs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pids controller (kernel docs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>devpts (kernel docs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCI image spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCI image manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCI image index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCI image config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCI image layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCI distribution spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker image archive format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>koker waits for the process to end: the container&apos;s monitor, its parent, learns of it from waitid() and writes the exit status. A program that handles SIGTERM gets this grace period to save its work; when it runs out, SIGKILL follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is RCU? (kernel docs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overlayfs stacks directories: the image layers as read-only lower layers and the container&apos;s upper directory on top. Reads find the topmost copy of a file; a write first copies the file up into upper, so the image is shared and never changed. A --rm container&apos;s upper is mounted volatile: it is deleted at the end, so unmounting it skips writing the disk&apos;s cached data out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container gets its own writable layer: upper (where its changes land) and work (overlayfs&apos;s scratch space). The image layers below stay read-only and are shared with every container of the same image. The mount point, rootfs, is one empty directory for all containers: each mounts on it in its own mount namespace, where no other container looks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v2 has no devices controller. Instead Koker turns Docker&apos;s list of harmless devices into a tiny eBPF program and attaches it to the container&apos;s cgroup. The kernel runs it for every open() or mknod() of a device file: it returns 1 (allow) for null, zero, random, tty and pseudo-terminals, 0 (deny) for everything else, such as the host&apos;s disks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepThroughBar</name>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do this step, then pause before the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do this step and all the others without pausing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop here: the steps done so far are undone in reverse order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnderTheHoodPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the kernel again (through kokerd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::ConsoleTab</name>
    <message>
        <source>Container %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container&apos;s main process: what it prints, and your keys as its input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A command started in the container for this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach to the container again (after it was restarted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1 in the container again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection to the Koker helper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container is not running. Start it, then reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to open a console of this container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Koker helper (kokerd) is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process was killed by the OOM killer: the container ran out of memory (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process was killed by signal %1 (exit code %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process exited with code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost: the container stopped, or its monitor went away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached. The container keeps running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached. %1 keeps running in the container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter or click Reconnect to attach again, for example after restarting the container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter or click Run Again to start %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killed by the OOM killer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::ConsoleTabs</name>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::StatsGraph</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes (PIDs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (%3 % of the quota)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, no quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>throttled %n time(s)</source>
        <translation type="vanished">
            <numerusform>throttled once</numerusform>
            <numerusform>throttled %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OOM kills: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No container selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation type="vanished">
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation type="vanished">
            <numerusform>%n second ago</numerusform>
            <numerusform>%n seconds ago</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throttled periods: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::StatsPoller</name>
    <message>
        <source>The container is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to read this container&apos;s resource use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Koker helper (kokerd) is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the resource use: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::TerminalSession</name>
    <message>
        <source>Process exited with code %1 — press Enter to reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection closed — press Enter to reconnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1 (running on %2). The terminal is our own widget on libvterm; layers are read with libarchive; links and addresses go through libnl, NAT rules through libiptc.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::CgroupLimitsModel</name>
    <message>
        <source>no limit (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v1: one hierarchy per controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hybrid: the controllers are in v1 hierarchies, a v2 hierarchy is mounted beside them without controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v2: one unified hierarchy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no such file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by Koker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::CleanupProofDialog</name>
    <message>
        <source>kokerd sent no proof of cleanup for %1 (an older kokerd?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to check for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1 is gone without a trace: every change it made was undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1 left something behind.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::CleanupProofModel</name>
    <message>
        <source>cgroup directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network namespace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>veth interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bridge port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iptables rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kokerd reported no host changes to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n host change(s) are gone.</source>
        <translation>
            <numerusform>The %n host change is gone.</numerusform>
            <numerusform>All %n host changes are gone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host change(s) are still there.</source>
        <translation>
            <numerusform>%1 of %n host change is still there.</numerusform>
            <numerusform>%1 of %n host changes are still there.</numerusform>
        </translation>
    </message>
    <message>
        <source>• kept (shared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ still there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the container&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still there: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where on the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::ContainerDetails</name>
    <message>
        <source>The step timeline is not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graphs are not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a container to see its steps, details, logs and graphs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the container&apos;s steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspect the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[the log was rotated]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits and host settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look under the hood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export steps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this container&apos;s recorded steps as a shell script, a Chrome trace for Perfetto or a Markdown lab report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The under-the-hood views are not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export the steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the steps to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::ContainersModel</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killed (out of memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped %1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limited to %1 CPUs; 100 % is one full CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CPU limit; 100 % is one full CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory in use, of the container&apos;s limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory in use (no limit set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::ContainersView</name>
    <message>
        <source>list the containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n container</numerusform>
            <numerusform>%n containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message>
        <source>start the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 and everything it made on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kill the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the container %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is running: it will be killed first. Its files, its cgroup, its network devices and its logs are deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its files, its cgroup, its network devices and its logs are deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::ExperimentRunner</name>
    <message>
        <source>Creating the container %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspect the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look under the hood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the experiment&apos;s containers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shell is allocating; waiting for it to end…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes are being started; counting them…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loop spins; reading the throttling counters twice…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::Experiments</name>
    <message>
        <source>✓ Seen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Not seen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A memory limit meets the OOM killer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fork bomb against pids.max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A busy loop under a CPU quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No network namespace: --network host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container may use 16 MiB. Its shell doubles a string again and again, so it needs more memory every moment. When the cgroup&apos;s limit is reached and nothing can be reclaimed, the kernel&apos;s OOM killer ends a process in that cgroup (and only there).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container may have 20 processes (pids.max). Its shell starts sleeping processes as fast as it can until fork() fails, %1 times over. The pids controller refuses every fork() past the limit, so the rest of the computer never notices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container may use 0.2 CPU: 20 ms in every 100 ms period (cpu.cfs_quota_us / cpu.max). Its shell spins in an endless loop. Once the quota of a period is used, the scheduler stops the cgroup until the next period: it is throttled, and the throttled time grows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two containers list their network interfaces (cat /proc/net/dev): one with --network host, which gets no network namespace of its own, and one on the bridge. Compare both lists with the host&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OOM killer ended the shell when it reached 16 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code %1 is 128 + 9: the process got SIGKILL, which cannot be caught. The kernel counted it in the cgroup&apos;s memory.oom_control (oom_kill) and Koker&apos;s monitor recorded it as OOMKilled. Processes outside the container were not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container was still running when the experiment gave up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The memory limit was not reached in time; the host may be very slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container ended without the OOM killer (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something else stopped it first; its output may say what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n fork() refused in the output (EAGAIN)</source>
        <translation>
            <numerusform>%n fork() refused in the output (EAGAIN)</numerusform>
            <numerusform>%n fork() calls refused in the output (EAGAIN)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pids.max held: at most %1 processes, and %n fork() call(s) refused.</source>
        <translation>
            <numerusform>pids.max held: at most %1 processes, and %n fork() call refused.</numerusform>
            <numerusform>pids.max held: at most %1 processes, and %n fork() calls refused.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every fork() past the limit failed with EAGAIN (&quot;Resource temporarily unavailable&quot;), and the shell went on to the next try. pids.events counts how often the limit was hit. A real fork bomb stops at the same wall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container had no process limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fork() was refused (%1 of %2 processes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loop may not have run long enough yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throttled time %1 ms → %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throttled periods %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU used in %1 s: %2 ms = %3 CPU (quota %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The busy loop was throttled: %1 ms of waiting in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In each 100 ms period the cgroup may run 20 ms. The loop used its share and was then taken off the CPU until the next period, so it got about %1 CPU however hard it spun.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This host does not report CPU throttling for the container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The throttled time did not grow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loop may not have started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--network host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bridge: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>With --network host the container saw the host&apos;s %n interface(s); on the bridge it saw only lo and eth0.</source>
        <translation>
            <numerusform>With --network host the container saw the host&apos;s %n interface; on the bridge it saw only lo and eth0.</numerusform>
            <numerusform>With --network host the container saw the host&apos;s %n interfaces; on the bridge it saw only lo and eth0.</numerusform>
        </translation>
    </message>
    <message>
        <source>Without a network namespace of its own a container uses the host&apos;s network stack: the same interfaces, addresses and ports, so it could also listen on the host&apos;s ports. On the bridge it has its own stack: a loopback and one end of a veth pair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The --network host container did not list the host&apos;s interfaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bridge container listed other interfaces than lo and eth0.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::ExperimentsDialog</name>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the experiment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::HelperConnection</name>
    <message>
        <source>Looking for Koker&apos;s helper (kokerd)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koker Studio cannot reach the system&apos;s message bus (D-Bus): %1. Is the dbus service running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koker&apos;s helper (kokerd) is not running. Start it with “sudo systemctl start kokerd”, or ask your teacher to install Koker. Koker Studio keeps looking for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use Koker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to kokerd %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v1 + v2 (hybrid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to %1 without an administrator&apos;s password. Turn on “Ask for a password” in Settings, or ask your teacher to add you to the koker group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system refused to pass the request on to kokerd: its D-Bus policy may be missing. Ask your teacher to reinstall Koker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to %1. Ask your teacher to add you to the koker group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koker&apos;s helper (kokerd) is not running, so Koker Studio cannot %1. Start it with “sudo systemctl start kokerd”, or ask your teacher to install Koker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: this computer or this version of Koker cannot do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: it does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: that name is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: it is in use right now (an image used by a container, or a container that is still running).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: a value was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: Koker refused input that looked unsafe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: the data is damaged or does not match its checksum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: a size, count or time limit was reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: the registry could not be reached. Check the network connection and the image name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: the registry refused the request. The image may be private, or its name misspelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: kokerd reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Details: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::ImageInspectDialog</name>
    <message>
        <source>Inspect %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspect the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/ (the root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>root (uid 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step changed only the configuration, not the files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::ImagesModel</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;none&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes, unpacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::ImagesView</name>
    <message>
        <source>Load from a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected image to a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the image %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name goes away; the layers are deleted when no other name or container uses them. Containers made from it stop the removal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 (%n layer(s) or image(s) deleted).</source>
        <translation>
            <numerusform>Removed %1 (%n layer or image deleted).</numerusform>
            <numerusform>Removed %1 (%n layers or images deleted).</numerusform>
        </translation>
    </message>
    <message>
        <source>Load an image from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.oci)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>load the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1 to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker archives (*.tar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create the starter image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The starter image is ready: select it and press Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the starter image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::LimitSlider</name>
    <message>
        <source>processes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::MainWindow</name>
    <message>
        <source>The embedded terminal is not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminals (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) running</source>
        <translation>
            <numerusform>%n action running</numerusform>
            <numerusform>%n actions running</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is ready to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run dialog is not part of this build of Koker Studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the folder %1 to share it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect the terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded terminal is not part of this build of Koker Studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a running container on the Containers page first, then press Ctrl+T for a shell in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guided experiments are not part of this build of Koker Studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No container has been removed from the studio yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof of cleanup is not part of this build of Koker Studio.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::MountTreeModel</name>
    <message>
        <source>Mount point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (path %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount options: %1
File system options: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overlay layers of /</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image&apos;s layers, read-only, under a writable layer of the container&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image layer %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a layer the image does not list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowerdir %1 (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upperdir (writable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the container&apos;s own layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a writable layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every file the container writes or deletes lands here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workdir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overlayfs scratch space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used by the kernel to copy files up atomically</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::NamespacesModel</name>
    <message>
        <source>Shared with the host (--network host): the same interfaces, addresses and ports as the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with the host: root in the container is root on the host, held back by capabilities, seccomp and the other namespaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with the host: the container sees the host&apos;s boot and monotonic clocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with the host: this part of the system is not isolated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own mount table: the overlay is its /, and mounts made inside never reach the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own hostname: sethostname() inside changes only the container&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own System V IPC and POSIX message queues: no shared memory with host processes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own process numbers: its first process is PID 1 and it cannot see host processes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own network stack: interfaces, addresses, routes, ports and firewall rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own view of /proc/self/cgroup: its cgroup looks like the root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own user and group ids, mapped to other ids on the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own boot and monotonic clock offsets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A namespace of type %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>readlink /proc/PID/ns/%1 → %1:[%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>readlink %1 → %2:[%3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same inode: the container is in the host&apos;s namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Different inodes: the container has a namespace of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container inode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host inode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it isolates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::NetworkTopologyView</name>
    <message>
        <source>No network information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAT, filter and port rules (iptables)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::PullDialog</name>
    <message>
        <source>this computer&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the registry for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pull %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulled %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::RunDialog</name>
    <message>
        <source>Choose a Folder to Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bridge (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables set in the container, like -e NAME=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave Host IP empty to listen on every address, and Host port empty to use the container port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory and swap together, as docker run --memory-swap: the default allows as much swap as memory (twice the memory in total).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the marked fields: the command shows only what is valid so far.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs the image&apos;s command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arguments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uses the image&apos;s entrypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no entrypoint: the command runs by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>program: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper has not described this host yet: the files below assume %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This host: %1 · %2 CPUs · %3 of memory · swap accounting %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own network namespace with a veth pair on the koker0 bridge; the host reaches the internet for it through NAT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own network namespace with only the loopback interface: no network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No network namespace: the container sees and uses the host&apos;s interfaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your network “%1”: containers on it reach each other by name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::RunForm</name>
    <message>
        <source>The command has an unclosed single quote (&apos;): add the closing quote, or escape it as \&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entrypoint has an unclosed single quote (&apos;): add the closing quote, or escape it as \&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command has an unclosed double quote (&quot;): add the closing quote, or escape it as \&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entrypoint has an unclosed double quote (&quot;): add the closing quote, or escape it as \&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command ends with a lone backslash: remove it, or write \\ for a backslash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entrypoint ends with a lone backslash: remove it, or write \\ for a backslash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory must be at least 6 MiB, or 0 for no limit: the container&apos;s runtime alone needs that much.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The memory limit is too large: use 0 for no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The memory limit (%1) is more than this host&apos;s memory (%2): it will never be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap must be a size, 0 for the default (twice the memory), or unlimited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A swap limit needs a memory limit: set Memory first, or choose unlimited swap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap (memory + swap) must be at least the memory limit (%1): it counts memory and swap together. Raise it, use 0 for the default (twice the memory), or choose unlimited swap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kernel does not account swap, so swap will not be limited (boot with swapaccount=1 to turn it on).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CPU limit must be at least 0.01, or 0 for no limit: the kernel&apos;s smallest quota is 1 ms in every 100 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CPU limit (%1) is more than this host has (%2): choose at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process limit must be a positive number, or 0 for no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process limit can be at most 4194304 (the kernel&apos;s maximum), or 0 for no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the image to run, for example alpine or starter:latest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an image name: use lowercase NAME[:TAG] or NAME@sha256:DIGEST, for example alpine:3.19.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name may contain only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, must start with a letter or digit and be at most 128 characters long (or leave it empty for a generated name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without an entrypoint the image&apos;s command is cleared too: type the command to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entrypoint&apos;s first word is empty: give the program to run, or write just &quot;&quot; to run without an entrypoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment row %1: the variable name is empty: type a name such as GREETING, or remove the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment row %1: “%2” is not a variable name: use letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, starting with a letter or &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment row %1: %2 is already set in row %3: remove one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working directory must be an absolute path in the container, starting with / (or leave it empty for the image&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user must be a name or a number, optionally with a group: root, 1000 or 1000:1000 (or leave it empty for the image&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hostname may contain letters, digits, &apos;-&apos; and &apos;.&apos;, must start and end with a letter or digit and be at most 63 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a network name: choose bridge, none, host or one of your networks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port row %1: “%2” is not an IPv4 address: write one such as 127.0.0.1, or leave it empty to listen on all addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port row %1: the host port must be a number from 1 to 65535 (or empty for the same as the container port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port row %1: the container port must be a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port row %1: the protocol must be tcp or udp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port row %1: host port %2/%3 is already published in row %4: choose another host port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published ports do nothing with the host network: the container already uses the host&apos;s own ports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published ports do nothing with the none network: the container has only a loopback interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume row %1: choose a host folder (Browse…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume row %1: the host folder must be an absolute path (starting with /).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume row %1: the host path contains &apos;:&apos;, which koker run -v cannot express: choose a folder without &apos;:&apos; in its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume row %1: the container path must be absolute (start with /) and not / itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume row %1: the container path must not contain &apos;:&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume row %1: %2 is already mounted by row %3: choose another container path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privileged: the container gets every capability and no seccomp filter, so it can change the host. Use it only for experiments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a Linux capability: use names like NET_ADMIN or SYS_TIME (the CAP_ prefix is optional), or ALL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v1 (legacy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v1 + v2 (hybrid: limits use the v1 files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup v2 (unified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this host (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper has not told the host&apos;s cgroup mode yet; assuming %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing can be written until the value is fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not written: this kernel does not account swap (boot with swapaccount=1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing is written: swap is limited only together with memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit: nothing is written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::SettingsDialog</name>
    <message>
        <source>The system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist: no registry is marked insecure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator&apos;s settings in %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (user id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on: a swap limit is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off: swap limits are not enforced on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer uses cgroup v2: one tree under /sys/fs/cgroup. A memory limit is written to memory.max, a CPU limit to cpu.max, a process limit to pids.max, all in the container&apos;s own directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer uses cgroup v1 for the limits, with a v2 tree beside them that only tracks processes. A memory limit is written to memory/…/memory.limit_in_bytes, a CPU limit to cpu/…/cpu.cfs_quota_us, a process limit to pids/…/pids.max: one directory per controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer uses cgroup v1 only: one tree per controller. A memory limit is written to memory/…/memory.limit_in_bytes, a CPU limit to cpu/…/cpu.cfs_quota_us, a process limit to pids/…/pids.max.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::StepDetailsPane</name>
    <message>
        <source>(untitled step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · step #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inside the container, pid %1 there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inside the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the host, pid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned: it has not run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step failed with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing an earlier step failed too: the host may keep a leftover, see the operation below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps completed before it are undone in reverse order; they appear in the cleanup lane.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback: a later step failed, so this undoes an earlier one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 after the action began</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::StepExportFile</name>
    <message>
        <source>Shell script (replays the container by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chrome trace (open in Perfetto)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown lab report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shell scripts (*.sh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::StepThroughBar</name>
    <message>
        <source>Step-through: running a step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused before step %1: &lt;b&gt;%2&lt;/b&gt;. Look at the host now (ip link, findmnt, ls /sys/fs/cgroup/…), then choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step-through: running the remaining steps without pausing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborting: undoing the steps done so far…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Step-through finished: the container runs (%n step(s) allowed).</source>
        <translation>
            <numerusform>Step-through finished: the container runs (%n step allowed).</numerusform>
            <numerusform>Step-through finished: the container runs (%n steps allowed).</numerusform>
        </translation>
    </message>
    <message>
        <source>Step-through stopped: %1 Everything done so far was rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::StepTimelineModel</name>
    <message>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleanup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleanup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errno %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::TimelineView</name>
    <message>
        <source>Step timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No steps yet. Run a container or select one to see how it was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done on the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done in the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the host</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::TimelineWidget</name>
    <message>
        <source>Steps: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel on the lanes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel on the lanes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest step in view while a container is being made</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>koker::studio::UnderTheHoodPanel</name>
    <message>
        <source>Select a running container to look under the hood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Refresh to ask the kernel about %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the kernel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not running, so the kernel has nothing to show: no namespaces, no cgroup, no mounts. Start it, then press Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kokerd&apos;s answer could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, host PID %2, as the kernel saw it at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;This host:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Its cgroup directories:&lt;/b&gt;&lt;br&gt;%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Counters:&lt;/b&gt; OOM kills %1 · memory limit hits (failcnt) %2 · CPU periods %3, throttled %4, throttled time %5 · processes %6 of %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Koker Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container studio that shows every kernel-level step.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
