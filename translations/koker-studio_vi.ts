<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Koker Studio</source>
        <translation>Giới thiệu Koker Studio</translation>
    </message>
    <message>
        <source>Koker Studio</source>
        <translation>Koker Studio</translation>
    </message>
    <message>
        <source>A container studio for learning: run containers from images and watch every step the kernel takes to make them: namespaces, control groups, mounts, network devices and firewall rules.</source>
        <translation>Một xưởng container để học: chạy container từ image và theo dõi từng bước mà nhân hệ điều hành thực hiện để tạo ra chúng: namespace, control group, mount, thiết bị mạng và quy tắc tường lửa.</translation>
    </message>
</context>
<context>
    <name>CleanupProofDialog</name>
    <message>
        <source>Proof of cleanup</source>
        <translation>Bằng chứng dọn dẹp</translation>
    </message>
    <message>
        <source>Every change the container made on this computer, from its recorded steps, and what kokerd found when it looked again after the removal: mount tables, cgroup directories, network interfaces, firewall rules and address leases.</source>
        <translation>Mọi thay đổi mà container đã tạo trên máy này, lấy từ các bước đã ghi lại, và những gì kokerd thấy khi kiểm tra lại sau khi xóa: bảng mount, thư mục cgroup, giao diện mạng, quy tắc tường lửa và địa chỉ IP đã cấp.</translation>
    </message>
</context>
<context>
    <name>ContainerDetails</name>
    <message>
        <source>Select a container to see its steps, details, logs and graphs.</source>
        <translation>Chọn một container để xem các bước, chi tiết, nhật ký và biểu đồ của nó.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Các bước</translation>
    </message>
    <message>
        <source>Every kernel-level step of this container&apos;s actions, live</source>
        <translation>Mọi bước ở mức nhân của các thao tác trên container này, trực tiếp</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>The container&apos;s configuration, state, cgroups, mounts and network</source>
        <translation>Cấu hình, trạng thái, cgroup, mount và mạng của container</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <source>What the container&apos;s main process wrote</source>
        <translation>Những gì tiến trình chính của container đã ghi ra</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Theo dõi</translation>
    </message>
    <message>
        <source>Keep reading new output as it arrives</source>
        <translation>Tiếp tục đọc đầu ra mới khi nó đến</translation>
    </message>
    <message>
        <source>&amp;Times</source>
        <translation>&amp;Thời gian</translation>
    </message>
    <message>
        <source>Show when each piece of output was written</source>
        <translation>Hiện thời điểm mỗi phần đầu ra được ghi</translation>
    </message>
    <message>
        <source>Search the logs</source>
        <translation>Tìm trong nhật ký</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Kết quả trước (Shift+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Tiếp</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Kết quả tiếp theo (F3)</translation>
    </message>
    <message>
        <source>Graphs</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>Memory, CPU and processes over time, against their limits</source>
        <translation>Bộ nhớ, CPU và tiến trình theo thời gian, so với giới hạn của chúng</translation>
    </message>
    <message>
        <source>Under the hood</source>
        <translation>Bên trong</translation>
    </message>
    <message>
        <source>What the kernel says about the running container: namespaces, cgroup files, mounts, network</source>
        <translation>Những gì nhân hệ điều hành cho biết về container đang chạy: namespace, tệp cgroup, mount, mạng</translation>
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
        <translation>Lọc theo tên, image hoặc id</translation>
    </message>
    <message>
        <source>Show stopped</source>
        <translation>Hiện container đã dừng</translation>
    </message>
    <message>
        <source>Start a new container (Ctrl+R)</source>
        <translation>Chạy một container mới (Ctrl+R)</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Chạy…</translation>
    </message>
    <message>
        <source>Start the selected container again</source>
        <translation>Khởi động lại container đã chọn</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Khởi động</translation>
    </message>
    <message>
        <source>Ask the container&apos;s main process to end (SIGTERM, then SIGKILL after 10 seconds)</source>
        <translation>Yêu cầu tiến trình chính của container kết thúc (SIGTERM, sau 10 giây là SIGKILL)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>End the container&apos;s main process at once (SIGKILL)</source>
        <translation>Kết thúc ngay tiến trình chính của container (SIGKILL)</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Buộc dừng</translation>
    </message>
    <message>
        <source>Remove the container and everything it made on this computer</source>
        <translation>Xóa container và mọi thứ nó đã tạo trên máy này</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Connect a terminal to the container&apos;s main process</source>
        <translation>Kết nối một terminal với tiến trình chính của container</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Gắn vào</translation>
    </message>
    <message>
        <source>Open a new shell inside the container (Ctrl+T)</source>
        <translation>Mở một shell mới bên trong container (Ctrl+T)</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>No containers yet</source>
        <translation>Chưa có container nào</translation>
    </message>
    <message>
        <source>A container is a process that runs in its own namespaces, under its own cgroup limits, on a copy-on-write view of an image. Start one and watch every step the kernel takes.</source>
        <translation>Container là một tiến trình chạy trong các namespace riêng, dưới giới hạn cgroup riêng, trên một bản nhìn copy-on-write của image. Hãy chạy một container và xem từng bước nhân hệ điều hành thực hiện.</translation>
    </message>
    <message>
        <source>Run a container…</source>
        <translation>Chạy một container…</translation>
    </message>
</context>
<context>
    <name>ExperimentsDialog</name>
    <message>
        <source>Guided experiments</source>
        <translation>Thí nghiệm có hướng dẫn</translation>
    </message>
    <message>
        <source>Each experiment runs a real container through kokerd with one limit set, provokes the limit, shows what the kernel did and removes the container again. Try the same commands in a terminal afterwards.</source>
        <translation>Mỗi thí nghiệm chạy một container thật qua kokerd với một giới hạn, cố tình vượt giới hạn đó, cho thấy nhân đã làm gì rồi xóa container. Sau đó hãy thử cùng các lệnh trong terminal.</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <source>The experiments need sh, sleep and cat: the starter image (busybox) has them</source>
        <translation>Các thí nghiệm cần sh, sleep và cat: image khởi đầu (busybox) có sẵn chúng</translation>
    </message>
    <message>
        <source>Memory limit → OOM killer</source>
        <translation>Giới hạn bộ nhớ → OOM killer</translation>
    </message>
    <message>
        <source>Run the experiment</source>
        <translation>Chạy thí nghiệm</translation>
    </message>
    <message>
        <source>Fork bomb → pids.max</source>
        <translation>Bom fork → pids.max</translation>
    </message>
    <message>
        <source>CPU quota → throttling</source>
        <translation>Hạn mức CPU → bị bóp (throttling)</translation>
    </message>
    <message>
        <source>--network host → the host&apos;s interfaces</source>
        <translation>--network host → giao diện mạng của máy chủ</translation>
    </message>
</context>
<context>
    <name>ImageInspectDialog</name>
    <message>
        <source>Inspect image</source>
        <translation>Xem chi tiết image</translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation>Đang đọc image…</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Cấu hình</translation>
    </message>
    <message>
        <source>Image ID:</source>
        <translation>ID image:</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Tạo lúc:</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Nền tảng:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Kích thước:</translation>
    </message>
    <message>
        <source>Entrypoint:</source>
        <translation>Entrypoint:</translation>
    </message>
    <message>
        <source>The program every container of this image starts; the command is given to it as arguments</source>
        <translation>Chương trình mà mọi container của image này khởi chạy; lệnh được truyền cho nó làm đối số</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Lệnh:</translation>
    </message>
    <message>
        <source>What runs when you give no command of your own</source>
        <translation>Lệnh được chạy khi bạn không đưa lệnh riêng</translation>
    </message>
    <message>
        <source>Working directory:</source>
        <translation>Thư mục làm việc:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Người dùng:</translation>
    </message>
    <message>
        <source>Exposed ports:</source>
        <translation>Cổng công bố:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Nhãn:</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Môi trường</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Biến</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Each layer is a set of file changes. Stacked with overlayfs, bottom first, they make the container&apos;s root file system; containers share them read-only.</source>
        <translation>Mỗi lớp là một tập thay đổi tệp. Được xếp chồng bằng overlayfs, lớp dưới cùng trước, chúng tạo thành hệ thống tệp gốc của container; các container dùng chung chúng ở chế độ chỉ đọc.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Content digest (DiffID)</source>
        <translation>Mã băm nội dung (DiffID)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Tạo lúc</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Tạo bởi</translation>
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
        <translation>Image</translation>
    </message>
    <message>
        <source>Filter by name, tag or id</source>
        <translation>Lọc theo tên, tag hoặc id</translation>
    </message>
    <message>
        <source>Download an image from a registry (Ctrl+P)</source>
        <translation>Tải một image từ registry (Ctrl+P)</translation>
    </message>
    <message>
        <source>Pull…</source>
        <translation>Tải về…</translation>
    </message>
    <message>
        <source>Start a new container from the selected image (Ctrl+R)</source>
        <translation>Chạy một container mới từ image đã chọn (Ctrl+R)</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Chạy…</translation>
    </message>
    <message>
        <source>Show the image&apos;s configuration, layers and history</source>
        <translation>Hiện cấu hình, các lớp và lịch sử của image</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>Remove the selected image name (the layers go when no name is left)</source>
        <translation>Xóa tên image đã chọn (các lớp bị xóa khi không còn tên nào)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Load from or save to a file</source>
        <translation>Nạp từ tệp hoặc lưu vào tệp</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>No images yet</source>
        <translation>Chưa có image nào</translation>
    </message>
    <message>
        <source>An image is the file system and settings a container starts from. Make a tiny starter image from the busybox on this computer (no internet needed), pull one from a registry, or load one from a file your teacher gave you.</source>
        <translation>Image là hệ thống tệp và thiết lập mà container khởi động từ đó. Hãy tạo một image khởi đầu nhỏ từ busybox trên máy này (không cần internet), tải một image từ registry, hoặc nạp một image từ tệp giáo viên đưa cho bạn.</translation>
    </message>
    <message>
        <source>Create the starter image</source>
        <translation>Tạo image khởi đầu</translation>
    </message>
    <message>
        <source>Pull an image…</source>
        <translation>Tải một image…</translation>
    </message>
    <message>
        <source>Load from a file…</source>
        <translation>Nạp từ tệp…</translation>
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
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Ẩn thông báo này</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>The images in the store (Alt+1)</source>
        <translation>Các image trong kho (Alt+1)</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Your containers (Alt+2)</source>
        <translation>Các container của bạn (Alt+2)</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Terminals attached to containers (Alt+3)</source>
        <translation>Các terminal gắn vào container (Alt+3)</translation>
    </message>
    <message>
        <source>No terminal is open. Run an image with “Terminal” checked, or select a running container and press Shell (Ctrl+T) or Attach.</source>
        <translation>Chưa mở terminal nào. Hãy chạy một image có đánh dấu “Terminal”, hoặc chọn một container đang chạy rồi nhấn Shell (Ctrl+T) hoặc Gắn vào.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
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
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Thiết lập</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <source>&amp;Load image from a file…</source>
        <translation>&amp;Nạp image từ tệp…</translation>
    </message>
    <message>
        <source>Load a docker-archive or OCI archive</source>
        <translation>Nạp một tệp docker-archive hoặc OCI</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Save image to a file…</source>
        <translation>&amp;Lưu image vào tệp…</translation>
    </message>
    <message>
        <source>Save the selected image as a docker-archive</source>
        <translation>Lưu image đã chọn dưới dạng docker-archive</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>Close Koker Studio (containers keep running)</source>
        <translation>Đóng Koker Studio (các container vẫn chạy tiếp)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Pull…</source>
        <translation>&amp;Tải về…</translation>
    </message>
    <message>
        <source>Download an image from a registry (Ctrl+P)</source>
        <translation>Tải một image từ registry (Ctrl+P)</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Create the &amp;starter image</source>
        <translation>Tạo image &amp;khởi đầu</translation>
    </message>
    <message>
        <source>Make starter:latest from this computer&apos;s busybox</source>
        <translation>Tạo starter:latest từ busybox của máy này</translation>
    </message>
    <message>
        <source>&amp;Inspect image</source>
        <translation>&amp;Xem chi tiết image</translation>
    </message>
    <message>
        <source>&amp;Remove image…</source>
        <translation>Xóa &amp;image…</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>&amp;Chạy…</translation>
    </message>
    <message>
        <source>Start a new container (Ctrl+R)</source>
        <translation>Chạy một container mới (Ctrl+R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Khởi động</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Dừng</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>&amp;Buộc dừng</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Xóa…</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Gắn vào</translation>
    </message>
    <message>
        <source>Connect a terminal to the container&apos;s main process</source>
        <translation>Kết nối một terminal với tiến trình chính của container</translation>
    </message>
    <message>
        <source>&amp;Terminal</source>
        <translation>&amp;Terminal</translation>
    </message>
    <message>
        <source>Open a shell in the selected running container (Ctrl+T)</source>
        <translation>Mở một shell trong container đang chạy đã chọn (Ctrl+T)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>&amp;Image</translation>
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
        <translation>&amp;Terminal</translation>
    </message>
    <message>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>Read images and containers again (F5)</source>
        <translation>Đọc lại image và container (F5)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Thiết lập…</translation>
    </message>
    <message>
        <source>Helper status, this computer&apos;s cgroups, registries</source>
        <translation>Trạng thái trình trợ giúp, cgroup của máy này, registry</translation>
    </message>
    <message>
        <source>&amp;About Koker Studio</source>
        <translation>&amp;Giới thiệu Koker Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Giới thiệu &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>&amp;Học</translation>
    </message>
    <message>
        <source>Guided &amp;experiments…</source>
        <translation>&amp;Thí nghiệm có hướng dẫn…</translation>
    </message>
    <message>
        <source>Provoke the OOM killer, a fork bomb, CPU throttling and host networking in real containers, with the results explained</source>
        <translation>Gây ra OOM killer, bom fork, CPU bị bóp và mạng máy chủ trong container thật, kèm giải thích kết quả</translation>
    </message>
    <message>
        <source>&amp;Proof of cleanup of the last removal…</source>
        <translation>&amp;Bằng chứng dọn dẹp của lần xóa gần nhất…</translation>
    </message>
    <message>
        <source>The checklist of everything the last removed container had changed on this computer, and whether it is gone</source>
        <translation>Danh sách mọi thứ mà container vừa bị xóa đã thay đổi trên máy này, và liệu chúng đã biến mất chưa</translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Pull an image</source>
        <translation>Tải một image</translation>
    </message>
    <message>
        <source>Download an image from a registry. “alpine” means docker.io/library/alpine:latest; a classroom registry looks like lab.local:5000/alpine.</source>
        <translation>Tải một image từ registry. “alpine” nghĩa là docker.io/library/alpine:latest; registry của lớp học có dạng lab.local:5000/alpine.</translation>
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
        <translation>&amp;Nền tảng:</translation>
    </message>
    <message>
        <source>Leave empty for this computer&apos;s platform; images for other platforms download but do not run here</source>
        <translation>Để trống để dùng nền tảng của máy này; image cho nền tảng khác vẫn tải được nhưng không chạy ở đây</translation>
    </message>
    <message>
        <source>%p % of all layers</source>
        <translation>%p % của tất cả các lớp</translation>
    </message>
    <message>
        <source>&amp;Pull</source>
        <translation>&amp;Tải về</translation>
    </message>
    <message>
        <source>&amp;Cancel pull</source>
        <translation>&amp;Hủy tải</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Hide this window; a running pull goes on and its steps stay in the timeline</source>
        <translation>Ẩn cửa sổ này; việc tải đang chạy vẫn tiếp tục và các bước của nó vẫn ở trên dòng thời gian</translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <source>Run a Container</source>
        <translation>Chạy một container</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <source>The image to run: one of yours, or a name such as alpine:3.19 (pulled when missing).</source>
        <translation>Image để chạy: một image của bạn, hoặc một tên như alpine:3.19 (sẽ được tải nếu chưa có).</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>generated when empty</source>
        <translation>tự sinh nếu để trống</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Chung</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Lệnh:</translation>
    </message>
    <message>
        <source>the image&apos;s command, e.g. sh -c &apos;echo hello&apos;</source>
        <translation>lệnh của image, ví dụ sh -c &apos;echo hello&apos;</translation>
    </message>
    <message>
        <source>Words are split like a shell does: quote a word that has spaces (&apos;echo hi&apos;). Nothing is expanded: $HOME reaches the container as written.</source>
        <translation>Các từ được tách như shell làm: đặt trong dấu nháy một từ có khoảng trắng (&apos;echo hi&apos;). Không có gì được khai triển: $HOME đến container đúng như đã viết.</translation>
    </message>
    <message>
        <source>&amp;Entrypoint:</source>
        <translation>&amp;Entrypoint:</translation>
    </message>
    <message>
        <source>the image&apos;s entrypoint; &quot;&quot; for none</source>
        <translation>entrypoint của image; &quot;&quot; để không dùng</translation>
    </message>
    <message>
        <source>The program that runs the command. Like docker run --entrypoint, it replaces the image&apos;s entrypoint and clears the image&apos;s command.</source>
        <translation>Chương trình chạy lệnh. Giống docker run --entrypoint, nó thay entrypoint của image và xóa lệnh của image.</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>Thư mục &amp;làm việc:</translation>
    </message>
    <message>
        <source>the image&apos;s, e.g. /app</source>
        <translation>của image, ví dụ /app</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Người dùng:</translation>
    </message>
    <message>
        <source>the image&apos;s, e.g. 1000:1000 or nobody</source>
        <translation>của image, ví dụ 1000:1000 hoặc nobody</translation>
    </message>
    <message>
        <source>&amp;Hostname:</source>
        <translation>Tên &amp;máy:</translation>
    </message>
    <message>
        <source>the container&apos;s short id</source>
        <translation>id ngắn của container</translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation>Terminal:</translation>
    </message>
    <message>
        <source>Keep input open (-&amp;i)</source>
        <translation>Giữ đầu vào mở (-&amp;i)</translation>
    </message>
    <message>
        <source>Allocate a terminal (-&amp;t)</source>
        <translation>Cấp một terminal (-&amp;t)</translation>
    </message>
    <message>
        <source>&amp;Remove the container when it exits (--rm)</source>
        <translation>&amp;Xóa container khi nó kết thúc (--rm)</translation>
    </message>
    <message>
        <source>&amp;Advanced: privileges and capabilities</source>
        <translation>&amp;Nâng cao: đặc quyền và capability</translation>
    </message>
    <message>
        <source>&amp;Privileged: every capability, no seccomp filter (--privileged)</source>
        <translation>&amp;Đặc quyền: mọi capability, không có bộ lọc seccomp (--privileged)</translation>
    </message>
    <message>
        <source>Add capa&amp;bilities:</source>
        <translation>Thêm capa&amp;bility:</translation>
    </message>
    <message>
        <source>e.g. NET_ADMIN SYS_TIME</source>
        <translation>ví dụ NET_ADMIN SYS_TIME</translation>
    </message>
    <message>
        <source>&amp;Drop capabilities:</source>
        <translation>&amp;Bỏ capability:</translation>
    </message>
    <message>
        <source>e.g. NET_RAW, or ALL</source>
        <translation>ví dụ NET_RAW, hoặc ALL</translation>
    </message>
    <message>
        <source>En&amp;vironment</source>
        <translation>&amp;Môi trường</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Biến</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>Thêm biến</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Net&amp;work</source>
        <translation>&amp;Mạng</translation>
    </message>
    <message>
        <source>Network &amp;mode:</source>
        <translation>&amp;Chế độ mạng:</translation>
    </message>
    <message>
        <source>Published ports (a host port forwarded to a container port):</source>
        <translation>Cổng công bố (một cổng của máy chủ được chuyển tiếp đến một cổng của container):</translation>
    </message>
    <message>
        <source>Host IP</source>
        <translation>IP máy chủ</translation>
    </message>
    <message>
        <source>Host port</source>
        <translation>Cổng máy chủ</translation>
    </message>
    <message>
        <source>Container port</source>
        <translation>Cổng container</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Giao thức</translation>
    </message>
    <message>
        <source>Add port</source>
        <translation>Thêm cổng</translation>
    </message>
    <message>
        <source>V&amp;olumes</source>
        <translation>&amp;Volume</translation>
    </message>
    <message>
        <source>Host folder</source>
        <translation>Thư mục máy chủ</translation>
    </message>
    <message>
        <source>Container path</source>
        <translation>Đường dẫn trong container</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Chỉ đọc</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Thêm thư mục…</translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation>Đổi thư mục…</translation>
    </message>
    <message>
        <source>Koker Studio opens each folder as you and hands the open folder to the helper, so a container can only get folders you can open yourself.</source>
        <translation>Koker Studio mở từng thư mục dưới danh nghĩa của bạn và chuyển thư mục đã mở cho trình trợ giúp, nên container chỉ nhận được những thư mục chính bạn mở được.</translation>
    </message>
    <message>
        <source>&amp;Resources</source>
        <translation>&amp;Tài nguyên</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Bộ nhớ:</translation>
    </message>
    <message>
        <source>Memory + &amp;swap:</source>
        <translation>Bộ nhớ + &amp;swap:</translation>
    </message>
    <message>
        <source>&amp;CPUs:</source>
        <translation>&amp;CPU:</translation>
    </message>
    <message>
        <source>&amp;Processes:</source>
        <translation>&amp;Tiến trình:</translation>
    </message>
    <message>
        <source>0 means no limit. The line under each slider is the cgroup file the helper will write and the exact value, on this host.</source>
        <translation>0 nghĩa là không giới hạn. Dòng dưới mỗi thanh trượt là tệp cgroup mà trình trợ giúp sẽ ghi và giá trị chính xác, trên máy này.</translation>
    </message>
    <message>
        <source>The same from a terminal:</source>
        <translation>Tương tự trong terminal:</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>Sao chép lệnh vào bộ nhớ tạm</translation>
    </message>
    <message>
        <source>&amp;Pause before each step (--step)</source>
        <translation>&amp;Dừng trước mỗi bước (--step)</translation>
    </message>
    <message>
        <source>Start in step-through mode: the timeline shows the next step and waits for Next, Continue or Abort, so you can look at the host in between</source>
        <translation>Khởi động ở chế độ từng bước: dòng thời gian hiển thị bước tiếp theo và chờ Tiếp, Chạy hết hoặc Hủy, để bạn có thể xem máy chủ giữa các bước</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>Trình trợ giúp</translation>
    </message>
    <message>
        <source>Koker Studio runs as you. Everything that needs root (namespaces, cgroups, mounts, network devices) is done by the helper, kokerd, which asks polkit whether you may, for every request.</source>
        <translation>Koker Studio chạy dưới danh nghĩa của bạn. Mọi việc cần quyền root (namespace, cgroup, mount, thiết bị mạng) do trình trợ giúp kokerd làm, và với mỗi yêu cầu nó hỏi polkit xem bạn có được phép không.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Trạng thái:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Phiên bản:</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Kho:</translation>
    </message>
    <message>
        <source>Where kokerd keeps images and containers (readable by root only)</source>
        <translation>Nơi kokerd lưu image và container (chỉ root đọc được)</translation>
    </message>
    <message>
        <source>You are:</source>
        <translation>Bạn là:</translation>
    </message>
    <message>
        <source>Ask for a password when polkit needs one</source>
        <translation>Hỏi mật khẩu khi polkit cần</translation>
    </message>
    <message>
        <source>When off, actions that need an administrator&apos;s password fail with a message instead of asking</source>
        <translation>Khi tắt, các thao tác cần mật khẩu quản trị sẽ báo lỗi thay vì hỏi</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Máy này</translation>
    </message>
    <message>
        <source>Control groups:</source>
        <translation>Control group:</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>CPU:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Bộ nhớ:</translation>
    </message>
    <message>
        <source>Swap accounting:</source>
        <translation>Tính swap:</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Images without a registry in their name come from Docker Hub (docker.io): “alpine” is docker.io/library/alpine:latest. Registries on this computer (localhost, 127.0.0.1) may use plain HTTP. Any other registry needs HTTPS unless the administrator marks it insecure in /etc/koker/registries.conf. Log in to a private registry with “koker login”.</source>
        <translation>Image không có registry trong tên đến từ Docker Hub (docker.io): “alpine” là docker.io/library/alpine:latest. Registry trên máy này (localhost, 127.0.0.1) có thể dùng HTTP thường. Mọi registry khác cần HTTPS, trừ khi quản trị viên đánh dấu nó là không an toàn trong /etc/koker/registries.conf. Đăng nhập registry riêng bằng “koker login”.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <source>The new language is used the next time Koker Studio starts.</source>
        <translation>Ngôn ngữ mới được dùng từ lần khởi động Koker Studio tiếp theo.</translation>
    </message>
</context>
<context>
    <name>StepDetailsPane</name>
    <message>
        <source>Step details</source>
        <translation>Chi tiết bước</translation>
    </message>
    <message>
        <source>Select a step on the timeline or in the list to see what it did, the command that does the same, and why it is needed.</source>
        <translation>Chọn một bước trên dòng thời gian hoặc trong danh sách để xem nó đã làm gì, lệnh nào làm điều tương tự và vì sao cần nó.</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Thao tác:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Ở đâu:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Kết quả:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Bắt đầu:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Thời lượng:</translation>
    </message>
    <message>
        <source>Step kind:</source>
        <translation>Loại bước:</translation>
    </message>
    <message>
        <source>Kernel operation</source>
        <translation>Thao tác của nhân</translation>
    </message>
    <message>
        <source>The same from a shell</source>
        <translation>Tương tự từ shell</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>Sao chép lệnh vào bộ nhớ tạm</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <source>What happens here</source>
        <translation>Điều gì xảy ra ở đây</translation>
    </message>
</context>
<context>
    <name>StepExplanations</name>
    <message>
        <source>Image steps bring an image&apos;s files onto this machine: its manifest, its config and its layers, from a registry or an archive. Everything lands in a content-addressed store, where each file is named by the sha256 of its content.</source>
        <translation>Các bước image đưa tệp của một image về máy này: manifest, config và các lớp của nó, từ registry hoặc từ tệp lưu trữ. Mọi thứ được lưu vào một kho định địa chỉ theo nội dung, nơi mỗi tệp được đặt tên theo sha256 của nội dung.</translation>
    </message>
    <message>
        <source>Storage steps prepare the files the container sees: its own writable layer on top of the shared image layers, and the special file systems a Linux program expects. Nothing in the image itself is ever changed.</source>
        <translation>Các bước lưu trữ chuẩn bị các tệp mà container nhìn thấy: lớp ghi được riêng của nó nằm trên các lớp image dùng chung, và các hệ thống tệp đặc biệt mà một chương trình Linux cần. Bản thân image không bao giờ bị thay đổi.</translation>
    </message>
    <message>
        <source>Control groups (cgroups) are how the kernel limits and measures a group of processes: memory, CPU time, number of processes, devices. A cgroup is a directory; its settings are files you write to.</source>
        <translation>Control group (cgroup) là cách nhân giới hạn và đo lường một nhóm tiến trình: bộ nhớ, thời gian CPU, số tiến trình, thiết bị. Một cgroup là một thư mục; các thiết lập của nó là các tệp mà bạn ghi vào.</translation>
    </message>
    <message>
        <source>A limit is a number written to a file of the container&apos;s cgroup. From then on the kernel enforces it for every process of the container, children included.</source>
        <translation>Một giới hạn là một con số được ghi vào một tệp trong cgroup của container. Từ đó nhân áp dụng nó cho mọi tiến trình của container, kể cả tiến trình con.</translation>
    </message>
    <message>
        <source>Network steps give the container its own network: a namespace with its own interfaces, a virtual cable (veth) to a bridge on the host, an address, routes and firewall rules for NAT. Each is a netlink request or a file write you could do with ip(8) and iptables(8).</source>
        <translation>Các bước mạng cho container một mạng riêng: một namespace với các giao diện riêng, một sợi cáp ảo (veth) nối tới một bridge trên máy chủ, một địa chỉ, các tuyến và quy tắc tường lửa cho NAT. Mỗi bước là một yêu cầu netlink hoặc một lần ghi tệp mà bạn có thể làm bằng ip(8) và iptables(8).</translation>
    </message>
    <message>
        <source>Network interfaces (links) are created, configured and deleted with netlink requests (RTM_NEWLINK, RTM_DELLINK). The ip link command sends the same requests.</source>
        <translation>Giao diện mạng (link) được tạo, cấu hình và xóa bằng các yêu cầu netlink (RTM_NEWLINK, RTM_DELLINK). Lệnh ip link gửi đúng các yêu cầu đó.</translation>
    </message>
    <message>
        <source>iptables rules tell the kernel&apos;s packet filter what to do with packets: accept, drop or rewrite their addresses (NAT). koker keeps its rules in its own chains, marked with comments, so it can remove exactly what it added.</source>
        <translation>Quy tắc iptables cho bộ lọc gói của nhân biết phải làm gì với gói tin: chấp nhận, loại bỏ hay viết lại địa chỉ của chúng (NAT). koker giữ các quy tắc của nó trong các chuỗi riêng, đánh dấu bằng chú thích, để có thể xóa đúng những gì nó đã thêm.</translation>
    </message>
    <message>
        <source>Namespaces give a process its own view of one part of the system: process ids, mounts, network, hostname, IPC or cgroups. A container is a process in new namespaces, nothing more.</source>
        <translation>Namespace cho một tiến trình góc nhìn riêng về một phần của hệ thống: id tiến trình, mount, mạng, tên máy, IPC hoặc cgroup. Container là một tiến trình trong các namespace mới, không hơn.</translation>
    </message>
    <message>
        <source>Mount steps build the container&apos;s file system tree inside its own mount namespace. What is mounted there is invisible to the host.</source>
        <translation>Các bước mount xây dựng cây hệ thống tệp của container bên trong mount namespace riêng của nó. Những gì được mount ở đó thì máy chủ không nhìn thấy.</translation>
    </message>
    <message>
        <source>Process steps prepare the program that will run: its standard streams, its user, its capabilities and its system call filter, until execve() starts it. Most run in the new process itself, between clone and execve, and report back to the host over a socket.</source>
        <translation>Các bước tiến trình chuẩn bị chương trình sẽ chạy: các luồng chuẩn, người dùng, capability và bộ lọc lời gọi hệ thống của nó, cho đến khi execve() khởi chạy nó. Phần lớn chạy ngay trong tiến trình mới, giữa clone và execve, và báo lại cho máy chủ qua một socket.</translation>
    </message>
    <message>
        <source>Container steps keep koker&apos;s own record of the container: its configuration and state under the store. They do not touch the kernel.</source>
        <translation>Các bước container lưu hồ sơ riêng của koker về container: cấu hình và trạng thái của nó trong kho. Chúng không chạm tới nhân.</translation>
    </message>
    <message>
        <source>Cleanup steps undo what setup did: stop the processes, remove cgroups, network links and rules, unmount and delete files. Each mirrors a setup step, in reverse order, so nothing is left behind on the host.</source>
        <translation>Các bước dọn dẹp hoàn tác những gì bước thiết lập đã làm: dừng tiến trình, xóa cgroup, liên kết mạng và quy tắc, gỡ mount và xóa tệp. Mỗi bước ứng với một bước thiết lập, theo thứ tự ngược lại, để không sót lại gì trên máy chủ.</translation>
    </message>
    <message>
        <source>koker records the container before anything else: a directory of its own in the store with config.json, holding the image, command and limits you chose. Nothing runs yet; koker inspect reads this record back.</source>
        <translation>koker ghi nhận container trước mọi việc khác: một thư mục riêng trong kho với config.json, chứa image, lệnh và giới hạn bạn đã chọn. Chưa có gì chạy; koker inspect đọc lại hồ sơ này.</translation>
    </message>
    <message>
        <source>Every container needs its own hostname, /etc/hosts and /etc/resolv.conf. koker writes them next to the container and later bind-mounts them over the image&apos;s files, so the image itself is never changed.</source>
        <translation>Mỗi container cần tên máy, /etc/hosts và /etc/resolv.conf riêng. koker ghi chúng cạnh container rồi sau đó bind-mount chúng đè lên các tệp của image, nên bản thân image không bao giờ bị thay đổi.</translation>
    </message>
    <message>
        <source>A volume is a host folder you chose. The studio opened it and passed the open file descriptor, and koker bind-mounts exactly that descriptor, so a path swapped for a symlink later cannot redirect the container elsewhere.</source>
        <translation>Volume là một thư mục máy chủ bạn đã chọn. Studio đã mở nó và chuyển bộ mô tả tệp đang mở, và koker bind-mount đúng bộ mô tả đó, nên một đường dẫn bị thay bằng liên kết tượng trưng sau này không thể chuyển hướng container sang nơi khác.</translation>
    </message>
    <message>
        <source>Runtime files of a running container, such as its attach socket, live under /run/koker. Once the container is gone they are removed, so nothing stale is left for the next one.</source>
        <translation>Các tệp lúc chạy của một container đang chạy, như socket attach của nó, nằm dưới /run/koker. Khi container không còn, chúng bị xóa, để không còn gì cũ kỹ cho container sau.</translation>
    </message>
    <message>
        <source>Removing a container deletes its directory, with the writable layer that held all its changes. The image layers are untouched: other containers still use them.</source>
        <translation>Xóa một container sẽ xóa thư mục của nó, cùng lớp ghi được chứa mọi thay đổi của nó. Các lớp image không bị động tới: các container khác vẫn dùng chúng.</translation>
    </message>
    <message>
        <source>A cgroup is a directory in the cgroup file system: creating the directory creates the group. On a v1 or hybrid host there is one tree per controller (memory, cpu, pids, ...), so koker creates one directory in each.</source>
        <translation>Một cgroup là một thư mục trong hệ thống tệp cgroup: tạo thư mục là tạo nhóm. Trên máy v1 hoặc lai, mỗi controller (memory, cpu, pids, …) có một cây, nên koker tạo một thư mục trong mỗi cây.</translation>
    </message>
    <message>
        <source>On cgroup v2 a controller such as memory or pids must be switched on for a group&apos;s children before their limit files appear. Writing &quot;+memory +pids&quot; to cgroup.subtree_control in the parent does that.</source>
        <translation>Trên cgroup v2, một controller như memory hay pids phải được bật cho các nhóm con trước khi các tệp giới hạn của chúng xuất hiện. Ghi &quot;+memory +pids&quot; vào cgroup.subtree_control của nhóm cha sẽ làm việc đó.</translation>
    </message>
    <message>
        <source>A new cpuset cgroup (v1) starts with no CPUs and no memory nodes, and no process can join an empty cpuset. koker copies the parent&apos;s cpuset.cpus and cpuset.mems so the container may use them.</source>
        <translation>Một cgroup cpuset mới (v1) bắt đầu không có CPU và không có nút bộ nhớ nào, và không tiến trình nào vào được một cpuset rỗng. koker sao chép cpuset.cpus và cpuset.mems của nhóm cha để container được dùng chúng.</translation>
    </message>
    <message>
        <source>This write sets the memory limit. When the container&apos;s processes use more, the kernel first reclaims memory and then the OOM killer kills one of them. The file is memory.max on cgroup v2 and memory.limit_in_bytes on v1.</source>
        <translation>Lần ghi này đặt giới hạn bộ nhớ. Khi các tiến trình của container dùng nhiều hơn, nhân trước hết thu hồi bộ nhớ, rồi OOM killer giết một trong số chúng. Tệp là memory.max trên cgroup v2 và memory.limit_in_bytes trên v1.</translation>
    </message>
    <message>
        <source>On cgroup v1 swap is limited together with memory: memory.memsw.limit_in_bytes caps memory plus swap. It is written after the memory limit, because the kernel refuses a memory+swap limit below the memory limit.</source>
        <translation>Trên cgroup v1, swap bị giới hạn cùng với bộ nhớ: memory.memsw.limit_in_bytes giới hạn bộ nhớ cộng swap. Nó được ghi sau giới hạn bộ nhớ, vì nhân từ chối giới hạn bộ nhớ+swap thấp hơn giới hạn bộ nhớ.</translation>
    </message>
    <message>
        <source>On cgroup v2 swap has its own limit, memory.swap.max. Writing 0 forbids swapping, so the memory limit is a hard wall; &quot;max&quot; lets the container swap freely.</source>
        <translation>Trên cgroup v2, swap có giới hạn riêng, memory.swap.max. Ghi 0 sẽ cấm swap, nên giới hạn bộ nhớ là bức tường cứng; &quot;max&quot; cho container swap tự do.</translation>
    </message>
    <message>
        <source>A CPU limit is a quota per period: &quot;50000 100000&quot; means 50 ms of CPU time in every 100 ms, half a core. When the container has used its quota its threads wait, throttled, until the next period begins.</source>
        <translation>Giới hạn CPU là một hạn mức cho mỗi chu kỳ: &quot;50000 100000&quot; nghĩa là 50 ms thời gian CPU trong mỗi 100 ms, tức nửa nhân. Khi container đã dùng hết hạn mức, các luồng của nó phải chờ, bị bóp, cho tới khi chu kỳ tiếp theo bắt đầu.</translation>
    </message>
    <message>
        <source>pids.max limits how many processes and threads the container may have at once. A fork bomb stops at the limit: fork() fails with EAGAIN instead of filling the host&apos;s process table.</source>
        <translation>pids.max giới hạn số tiến trình và luồng mà container có thể có cùng lúc. Một quả bom fork dừng lại ở giới hạn: fork() thất bại với EAGAIN thay vì làm đầy bảng tiến trình của máy chủ.</translation>
    </message>
    <message>
        <source>On cgroup v1 the devices controller decides which device files the container may open. Writing &quot;a&quot; to devices.deny first forbids every device; the next step allows back only the harmless ones.</source>
        <translation>Trên cgroup v1, controller devices quyết định container được mở những tệp thiết bị nào. Ghi &quot;a&quot; vào devices.deny trước hết cấm mọi thiết bị; bước tiếp theo chỉ cho phép lại những thiết bị vô hại.</translation>
    </message>
    <message>
        <source>Each line written to devices.allow permits one kind of device: &quot;c 1:3 rwm&quot; is the character device 1:3 (/dev/null) for read, write and mknod. The list is Docker&apos;s default: null, zero, random, tty and pseudo-terminals.</source>
        <translation>Mỗi dòng ghi vào devices.allow cho phép một loại thiết bị: &quot;c 1:3 rwm&quot; là thiết bị ký tự 1:3 (/dev/null) để đọc, ghi và mknod. Danh sách là mặc định của Docker: null, zero, random, tty và các terminal giả.</translation>
    </message>
    <message>
        <source>The container&apos;s first process puts itself into its cgroups before it runs a single instruction of your program: clone3() starts it in the cgroup2 directory, and it writes &quot;0&quot; (itself) to the tasks file of each v1 hierarchy. Writing a pid to cgroup.procs would do the same, but it takes a global lock that waits for an RCU grace period, several milliseconds. Its children are then born in the same cgroups, and the limits apply to them all.</source>
        <translation>Tiến trình đầu tiên của container tự đưa mình vào các cgroup của nó trước khi chạy một lệnh nào của chương trình bạn: clone3() khởi tạo nó ngay trong thư mục cgroup2, và nó ghi &quot;0&quot; (chính nó) vào tệp tasks của mỗi cây phân cấp v1. Ghi một pid vào cgroup.procs cũng làm được điều đó, nhưng cách này lấy một khóa toàn cục phải chờ một chu kỳ RCU, vài mili giây. Các tiến trình con của nó sau đó sinh ra trong cùng các cgroup, và các giới hạn áp dụng cho tất cả.</translation>
    </message>
    <message>
        <source>A process started with exec must join the container&apos;s cgroups too, or its memory and CPU time would not count against the container&apos;s limits. Like the container&apos;s first process, it is born in the cgroup2 directory and writes &quot;0&quot; (itself) to the tasks file of each v1 hierarchy.</source>
        <translation>Một tiến trình chạy bằng exec cũng phải vào các cgroup của container, nếu không bộ nhớ và thời gian CPU của nó sẽ không bị tính vào giới hạn của container. Giống tiến trình đầu tiên của container, nó được sinh ra trong thư mục cgroup2 và ghi &quot;0&quot; (chính nó) vào tệp tasks của mỗi cây phân cấp v1.</translation>
    </message>
    <message>
        <source>A write to a cgroup file changes how the kernel treats every process in that group. The files are plain text: read them with cat and change them with echo.</source>
        <translation>Một lần ghi vào tệp cgroup thay đổi cách nhân đối xử với mọi tiến trình trong nhóm đó. Các tệp là văn bản thuần: đọc bằng cat và thay đổi bằng echo.</translation>
    </message>
    <message>
        <source>Writing 1 to cgroup.kill (Linux 5.14 and later) kills every process in the group at once, with no race against processes that fork. Without that file, koker sends SIGKILL to each pid listed in cgroup.procs.</source>
        <translation>Ghi 1 vào cgroup.kill (Linux 5.14 trở lên) giết mọi tiến trình trong nhóm cùng lúc, không bị chạy đua với các tiến trình đang fork. Khi không có tệp đó, koker gửi SIGKILL tới từng pid trong cgroup.procs.</translation>
    </message>
    <message>
        <source>On cgroup v1 the freezer stops every process in the group. Frozen processes cannot fork, so koker can read the list of pids and kill them all without a new one slipping through.</source>
        <translation>Trên cgroup v1, freezer dừng mọi tiến trình trong nhóm. Tiến trình bị đóng băng không fork được, nên koker có thể đọc danh sách pid và giết tất cả mà không để lọt tiến trình mới nào.</translation>
    </message>
    <message>
        <source>A killed process only dies when it runs again, and a frozen one does not run. So the group is thawed right after SIGKILL was sent.</source>
        <translation>Một tiến trình bị giết chỉ chết khi nó chạy lại, và tiến trình bị đóng băng thì không chạy. Vì vậy nhóm được rã đông ngay sau khi gửi SIGKILL.</translation>
    </message>
    <message>
        <source>Only an empty group can be removed. With cgroup v2 (or hybrid) koker reads cgroup.events, where the kernel keeps &quot;populated 0&quot; once the last process has gone; on v1 it reads cgroup.procs until it is empty. After the container&apos;s init has exited this is immediate: its PID namespace died with it.</source>
        <translation>Chỉ một nhóm trống mới có thể được xóa. Với cgroup v2 (hoặc hybrid), koker đọc cgroup.events, nơi nhân ghi &quot;populated 0&quot; khi tiến trình cuối cùng đã đi; trên v1 nó đọc cgroup.procs cho tới khi trống. Sau khi init của container đã thoát, việc này xong ngay: không gian tên PID của nó đã chết cùng nó.</translation>
    </message>
    <message>
        <source>A cgroup is removed with rmdir once no process is left in it. The kernel then forgets its limits and counters.</source>
        <translation>Một cgroup được xóa bằng rmdir khi không còn tiến trình nào trong nó. Sau đó nhân quên các giới hạn và bộ đếm của nó.</translation>
    </message>
    <message>
        <source>IPAM (IP address management) picks a free address for the container on its network. It is written to a leases file under a lock, so two containers started at once never get the same address.</source>
        <translation>IPAM (quản lý địa chỉ IP) chọn một địa chỉ trống cho container trên mạng của nó. Địa chỉ được ghi vào tệp cấp phát dưới một khóa, nên hai container khởi động cùng lúc không bao giờ nhận cùng một địa chỉ.</translation>
    </message>
    <message>
        <source>The container&apos;s address goes back to the network&apos;s pool. A later container can then get it.</source>
        <translation>Địa chỉ của container được trả về kho địa chỉ của mạng. Một container sau có thể nhận lại nó.</translation>
    </message>
    <message>
        <source>Addresses leased to containers that no longer exist (after a crash or a power cut) are freed, so the pool does not run dry. This runs under the same lock as leasing.</source>
        <translation>Các địa chỉ đã cấp cho container không còn tồn tại (sau sự cố hoặc mất điện) được giải phóng, để kho địa chỉ không cạn. Việc này chạy dưới cùng khóa với việc cấp phát.</translation>
    </message>
    <message>
        <source>A bridge is a virtual network switch inside the kernel. Every container on the network plugs one end of its veth cable into it, so containers reach each other and, through the host, the outside world.</source>
        <translation>Bridge là một bộ chuyển mạch ảo bên trong nhân. Mỗi container trên mạng cắm một đầu cáp veth của nó vào đó, nên các container liên lạc được với nhau và, thông qua máy chủ, với thế giới bên ngoài.</translation>
    </message>
    <message>
        <source>The network&apos;s bridge already exists from an earlier container. koker only checks that it is up and has the gateway address, and fixes what is missing.</source>
        <translation>Bridge của mạng đã tồn tại từ một container trước. koker chỉ kiểm tra rằng nó đang bật và có địa chỉ gateway, và sửa những gì còn thiếu.</translation>
    </message>
    <message>
        <source>A veth pair is a virtual network cable: a packet sent into one end comes out of the other. One end stays on the host; the other is created directly in the container&apos;s network namespace and becomes its eth0.</source>
        <translation>Một cặp veth là một sợi cáp mạng ảo: gói tin gửi vào một đầu sẽ đi ra ở đầu kia. Một đầu ở lại trên máy chủ; đầu kia được tạo thẳng trong network namespace của container và trở thành eth0 của nó.</translation>
    </message>
    <message>
        <source>The host end of the veth cable is plugged into the bridge by making the bridge its master. The container is now connected to the network&apos;s virtual switch.</source>
        <translation>Đầu cáp veth phía máy chủ được cắm vào bridge bằng cách đặt bridge làm master của nó. Giờ container đã được nối vào bộ chuyển mạch ảo của mạng.</translation>
    </message>
    <message>
        <source>A new interface is down until it is brought up (IFF_UP). Only then does it send and receive packets.</source>
        <translation>Một giao diện mới ở trạng thái tắt cho tới khi được bật lên (IFF_UP). Chỉ khi đó nó mới gửi và nhận gói tin.</translation>
    </message>
    <message>
        <source>An interface can be moved into another network namespace. It then vanishes from the host&apos;s ip link and appears only inside the container.</source>
        <translation>Một giao diện có thể được chuyển sang một network namespace khác. Khi đó nó biến mất khỏi ip link của máy chủ và chỉ xuất hiện bên trong container.</translation>
    </message>
    <message>
        <source>Interfaces can be renamed only while they are down. Inside the container the interface is called eth0, as programs expect.</source>
        <translation>Giao diện chỉ đổi tên được khi đang tắt. Bên trong container giao diện được gọi là eth0, như các chương trình mong đợi.</translation>
    </message>
    <message>
        <source>The container&apos;s interface gets a MAC address made from its IP address (02:42:...), as Docker does. Neighbours&apos; ARP caches then stay right when an address is used again by another container.</source>
        <translation>Giao diện của container nhận một địa chỉ MAC tạo từ địa chỉ IP của nó (02:42:…), giống Docker. Nhờ vậy bộ nhớ đệm ARP của các máy lân cận vẫn đúng khi một địa chỉ được container khác dùng lại.</translation>
    </message>
    <message>
        <source>Deleting one end of a veth pair deletes both ends. If the container&apos;s network namespace is already gone, so is the pair, and ENODEV here is fine.</source>
        <translation>Xóa một đầu của cặp veth sẽ xóa cả hai đầu. Nếu network namespace của container đã mất thì cặp veth cũng mất, và ENODEV ở đây là bình thường.</translation>
    </message>
    <message>
        <source>The host end of the veth cable is taken out of the bridge (its master is set to none), but not deleted: when the container&apos;s network namespace goes, the kernel deletes the container&apos;s eth0, and a veth pair never outlives one of its ends. The kernel does that on a worker of its own a few milliseconds later, so koker does not wait for it: deleting a network device waits for an RCU barrier, 10-20 ms.</source>
        <translation>Đầu phía host của cáp veth được rút khỏi bridge (master của nó được đặt thành không có), nhưng không bị xóa: khi namespace mạng của container biến mất, kernel xóa eth0 của container, và một cặp veth không bao giờ tồn tại lâu hơn một đầu của nó. Kernel làm việc đó trên một worker riêng vài mili giây sau, nên koker không chờ: xóa một thiết bị mạng phải chờ một rào chắn RCU, 10–20 ms.</translation>
    </message>
    <message>
        <source>The interface gets an address with its prefix length, such as 10.96.0.2/16. The prefix tells the kernel which network is directly reachable, and the route to it is added with the address.</source>
        <translation>Giao diện nhận một địa chỉ kèm độ dài tiền tố, như 10.96.0.2/16. Tiền tố cho nhân biết mạng nào có thể tới trực tiếp, và tuyến tới mạng đó được thêm cùng với địa chỉ.</translation>
    </message>
    <message>
        <source>The default route sends every packet for another network to the gateway. The gateway is the bridge&apos;s address on the host, which forwards the packet onward, NAT hiding the container&apos;s address.</source>
        <translation>Tuyến mặc định gửi mọi gói tin tới mạng khác về gateway. Gateway là địa chỉ của bridge trên máy chủ, máy chủ chuyển tiếp gói tin đi tiếp, còn NAT che địa chỉ của container.</translation>
    </message>
    <message>
        <source>Each network namespace has its own loopback interface, lo, and it starts down. Bringing it up makes 127.0.0.1 work inside the container.</source>
        <translation>Mỗi network namespace có giao diện loopback riêng, lo, và nó khởi đầu ở trạng thái tắt. Bật nó lên thì 127.0.0.1 hoạt động bên trong container.</translation>
    </message>
    <message>
        <source>Kernel settings under /proc/sys are changed by writing to files. ip_forward lets the host route packets between the bridge and its real network card; route_localnet lets published ports answer on 127.0.0.1.</source>
        <translation>Thiết lập của nhân dưới /proc/sys được thay đổi bằng cách ghi vào tệp. ip_forward cho máy chủ định tuyến gói tin giữa bridge và card mạng thật; route_localnet cho các cổng công bố trả lời trên 127.0.0.1.</translation>
    </message>
    <message>
        <source>koker keeps its firewall rules in chains of its own (KOKER, KOKER-POSTROUTING, KOKER-FORWARD) and jumps to them once from the built-in chains. Its rules are then easy to find and to remove without touching anyone else&apos;s.</source>
        <translation>koker giữ các quy tắc tường lửa trong các chuỗi riêng (KOKER, KOKER-POSTROUTING, KOKER-FORWARD) và nhảy tới chúng một lần từ các chuỗi có sẵn. Nhờ vậy quy tắc của nó dễ tìm và dễ xóa mà không động tới quy tắc của người khác.</translation>
    </message>
    <message>
        <source>A rule matches packets and says what to do with them. MASQUERADE rewrites the container&apos;s private source address to the host&apos;s, DNAT sends a published port to the container, and ACCEPT lets bridge traffic be forwarded. Each rule carries a comment naming its owner, so cleanup finds it.</source>
        <translation>Một quy tắc so khớp gói tin và nói phải làm gì với chúng. MASQUERADE viết lại địa chỉ nguồn riêng của container thành địa chỉ của máy chủ, DNAT chuyển một cổng công bố tới container, và ACCEPT cho phép chuyển tiếp lưu lượng của bridge. Mỗi quy tắc mang một chú thích ghi chủ sở hữu, để bước dọn dẹp tìm thấy nó.</translation>
    </message>
    <message>
        <source>A rule is deleted by matching it exactly in its chain. koker deletes only the rules it added, so the host&apos;s own firewall stays as it was.</source>
        <translation>Một quy tắc được xóa bằng cách so khớp chính xác nó trong chuỗi của nó. koker chỉ xóa các quy tắc nó đã thêm, nên tường lửa của máy chủ vẫn như cũ.</translation>
    </message>
    <message>
        <source>Every rule koker adds for a container carries a comment with the container&apos;s id. Cleanup deletes every rule with that comment, even rules left behind by a crash.</source>
        <translation>Mọi quy tắc koker thêm cho một container đều mang chú thích với id của container. Bước dọn dẹp xóa mọi quy tắc có chú thích đó, kể cả những quy tắc sót lại sau sự cố.</translation>
    </message>
    <message>
        <source>A network namespace is a separate copy of the network stack: its own interfaces, addresses, routes and firewall. koker bind-mounts it to a file so it lives on without a process, like ip netns add.</source>
        <translation>Network namespace là một bản sao riêng của ngăn xếp mạng: giao diện, địa chỉ, tuyến và tường lửa riêng. koker bind-mount nó vào một tệp để nó tồn tại mà không cần tiến trình, giống ip netns add.</translation>
    </message>
    <message>
        <source>Unmounting the namespace file drops its last reference. The kernel then destroys the namespace and every interface left in it.</source>
        <translation>Gỡ mount tệp namespace sẽ bỏ tham chiếu cuối cùng. Sau đó nhân hủy namespace và mọi giao diện còn trong nó.</translation>
    </message>
    <message>
        <source>Containers on the same network find each other by name through /etc/hosts. koker rewrites the file in place, not by rename, because each container sees it through a bind mount of that very file.</source>
        <translation>Các container trên cùng mạng tìm nhau theo tên qua /etc/hosts. koker ghi lại tệp tại chỗ, không phải bằng đổi tên, vì mỗi container nhìn thấy nó qua bind mount của chính tệp đó.</translation>
    </message>
    <message>
        <source>With no container left on it, the network&apos;s files (its address plan and leases) are deleted. Its bridge and firewall rules were removed by the steps before.</source>
        <translation>Khi không còn container nào trên mạng, các tệp của mạng (kế hoạch địa chỉ và các bản cấp phát) bị xóa. Bridge và quy tắc tường lửa của nó đã được các bước trước xóa.</translation>
    </message>
    <message>
        <source>clone3() creates the container&apos;s first process already inside new namespaces: its own mount table (NEWNS), hostname (NEWUTS), IPC objects (NEWIPC) and process numbers (NEWPID), where it is pid 1. This is the moment a normal process becomes a container.</source>
        <translation>clone3() tạo tiến trình đầu tiên của container ngay bên trong các namespace mới: bảng mount riêng (NEWNS), tên máy riêng (NEWUTS), đối tượng IPC riêng (NEWIPC) và số tiến trình riêng (NEWPID), nơi nó là pid 1. Đây là lúc một tiến trình bình thường trở thành container.</translation>
    </message>
    <message>
        <source>A mount namespace gives the container its own mount table. What it mounts, its root included, is invisible to the host, and pivot_root detaches the host&apos;s file system from its view.</source>
        <translation>Mount namespace cho container một bảng mount riêng. Những gì nó mount, kể cả thư mục gốc, đều vô hình với máy chủ, và pivot_root tách hệ thống tệp của máy chủ khỏi tầm nhìn của nó.</translation>
    </message>
    <message>
        <source>The UTS namespace holds the hostname and the NIS domain name. In its own UTS namespace a container can change its hostname without renaming the host.</source>
        <translation>UTS namespace chứa tên máy và tên miền NIS. Trong UTS namespace riêng, container có thể đổi tên máy mà không đổi tên máy chủ.</translation>
    </message>
    <message>
        <source>The IPC namespace separates System V IPC objects (shared memory, semaphores, message queues) and POSIX message queues. Processes in different IPC namespaces cannot reach each other&apos;s objects.</source>
        <translation>IPC namespace tách các đối tượng IPC System V (bộ nhớ dùng chung, semaphore, hàng đợi thông điệp) và hàng đợi thông điệp POSIX. Các tiến trình ở những IPC namespace khác nhau không chạm được vào đối tượng của nhau.</translation>
    </message>
    <message>
        <source>A PID namespace numbers processes afresh: the container&apos;s first process is pid 1 inside, while the host sees it under an ordinary pid. The container cannot see or signal processes outside its namespace.</source>
        <translation>PID namespace đánh số tiến trình lại từ đầu: tiến trình đầu tiên của container là pid 1 bên trong, còn máy chủ thấy nó dưới một pid bình thường. Container không thể nhìn thấy hay gửi tín hiệu tới tiến trình bên ngoài namespace của nó.</translation>
    </message>
    <message>
        <source>A network namespace has its own interfaces, addresses, routes, firewall rules and ports. A container in its own network namespace sees only its eth0 and lo; with --network host it shares the host&apos;s.</source>
        <translation>Network namespace có giao diện, địa chỉ, tuyến, quy tắc tường lửa và cổng riêng. Container trong network namespace riêng chỉ thấy eth0 và lo của nó; với --network host nó dùng chung của máy chủ.</translation>
    </message>
    <message>
        <source>A user namespace maps user and group ids, so that root inside can be an ordinary user outside. koker&apos;s containers share the host&apos;s user namespace: root in the container is root on the host, held back by capabilities, seccomp and the other namespaces.</source>
        <translation>User namespace ánh xạ id người dùng và nhóm, để root bên trong có thể là người dùng thường bên ngoài. Các container của koker dùng chung user namespace của máy chủ: root trong container là root trên máy chủ, bị kiềm chế bởi capability, seccomp và các namespace khác.</translation>
    </message>
    <message>
        <source>A time namespace gives a container its own offsets for the monotonic and boot-time clocks. Containers rarely need one; koker&apos;s share the host&apos;s clocks.</source>
        <translation>Time namespace cho container độ lệch riêng cho đồng hồ monotonic và boot-time. Container hiếm khi cần; container của koker dùng chung đồng hồ của máy chủ.</translation>
    </message>
    <message>
        <source>exec joins a running container: setns() moves the new process into each of the container&apos;s namespaces, found under /proc/PID/ns. The nsenter command does the same from a shell.</source>
        <translation>exec gia nhập một container đang chạy: setns() chuyển tiến trình mới vào từng namespace của container, tìm thấy dưới /proc/PID/ns. Lệnh nsenter làm điều tương tự từ shell.</translation>
    </message>
    <message>
        <source>Joining a PID namespace only applies to children: after setns() the process itself keeps its old pid. So it forks once, and the child is the one inside the container&apos;s PID namespace.</source>
        <translation>Việc gia nhập PID namespace chỉ áp dụng cho tiến trình con: sau setns() chính tiến trình đó vẫn giữ pid cũ. Vì thế nó fork một lần, và tiến trình con mới là tiến trình nằm trong PID namespace của container.</translation>
    </message>
    <message>
        <source>The container&apos;s process joins the network namespace the host prepared. Inside, it sees only eth0 and lo, with the addresses and routes set up before.</source>
        <translation>Tiến trình của container gia nhập network namespace mà máy chủ đã chuẩn bị. Bên trong, nó chỉ thấy eth0 và lo, với các địa chỉ và tuyến đã thiết lập trước.</translation>
    </message>
    <message>
        <source>In its own UTS namespace the container can have its own hostname. sethostname() changes it only there; the host keeps its name.</source>
        <translation>Trong UTS namespace riêng, container có thể có tên máy riêng. sethostname() chỉ đổi nó ở đó; máy chủ vẫn giữ tên của mình.</translation>
    </message>
    <message>
        <source>A cgroup namespace makes the container&apos;s own cgroup look like the root. /proc/self/cgroup then shows &quot;/&quot; inside, so the container cannot learn or depend on the host&apos;s cgroup layout.</source>
        <translation>Cgroup namespace làm cho cgroup riêng của container trông như gốc. Khi đó /proc/self/cgroup hiện &quot;/&quot; bên trong, nên container không thể biết hay phụ thuộc vào cách bố trí cgroup của máy chủ.</translation>
    </message>
    <message>
        <source>On systemd hosts mounts are shared between namespaces by default. Making every mount private (MS_PRIVATE, recursively) first ensures that what the container mounts never appears on the host, and the other way round.</source>
        <translation>Trên máy dùng systemd, các mount mặc định được chia sẻ giữa các namespace. Đặt mọi mount thành riêng tư trước (MS_PRIVATE, đệ quy) bảo đảm những gì container mount không bao giờ xuất hiện trên máy chủ, và ngược lại.</translation>
    </message>
    <message>
        <source>/proc shows the system&apos;s processes. Mounted from inside the new PID namespace, it shows only the container&apos;s processes, with its first process as pid 1.</source>
        <translation>/proc hiển thị các tiến trình của hệ thống. Khi được mount từ bên trong PID namespace mới, nó chỉ hiện tiến trình của container, với tiến trình đầu tiên là pid 1.</translation>
    </message>
    <message>
        <source>/sys exposes the kernel&apos;s devices and settings. The container gets it read-only, so it can look at the host&apos;s hardware settings but not change them.</source>
        <translation>/sys phơi bày các thiết bị và thiết lập của nhân. Container nhận nó ở chế độ chỉ đọc, nên có thể xem thiết lập phần cứng của máy chủ nhưng không thay đổi được.</translation>
    </message>
    <message>
        <source>A container must not see the host&apos;s disks and other devices. So it gets its own small /dev on a tmpfs, holding only the device nodes created next.</source>
        <translation>Container không được nhìn thấy ổ đĩa và các thiết bị khác của máy chủ. Vì thế nó nhận một /dev nhỏ riêng trên tmpfs, chỉ chứa các nút thiết bị được tạo ở bước tiếp theo.</translation>
    </message>
    <message>
        <source>mknod creates the few device nodes programs need: null, zero, full, random, urandom and tty. The usual symlinks (/dev/fd, /dev/stdin, ...) are added too.</source>
        <translation>mknod tạo vài nút thiết bị mà chương trình cần: null, zero, full, random, urandom và tty. Các liên kết tượng trưng thông thường (/dev/fd, /dev/stdin, …) cũng được thêm vào.</translation>
    </message>
    <message>
        <source>A new devpts instance gives the container its own pseudo-terminals under /dev/pts. They are numbered from 0 and invisible to the host&apos;s terminals.</source>
        <translation>Một phiên bản devpts mới cho container các terminal giả riêng dưới /dev/pts. Chúng được đánh số từ 0 và vô hình với các terminal của máy chủ.</translation>
    </message>
    <message>
        <source>/dev/shm is where programs keep POSIX shared memory. The container gets its own tmpfs there, so it can neither read nor fill the host&apos;s.</source>
        <translation>/dev/shm là nơi các chương trình giữ bộ nhớ dùng chung POSIX. Container nhận một tmpfs riêng ở đó, nên không thể đọc hay làm đầy của máy chủ.</translation>
    </message>
    <message>
        <source>The mqueue file system shows POSIX message queues. Mounted in the container it shows only the queues of the container&apos;s IPC namespace.</source>
        <translation>Hệ thống tệp mqueue hiển thị các hàng đợi thông điệp POSIX. Khi được mount trong container, nó chỉ hiện các hàng đợi của IPC namespace của container.</translation>
    </message>
    <message>
        <source>/tmp becomes a fresh tmpfs, a file system in memory. Its files vanish when the container stops.</source>
        <translation>/tmp trở thành một tmpfs mới, một hệ thống tệp trong bộ nhớ. Các tệp của nó biến mất khi container dừng.</translation>
    </message>
    <message>
        <source>The hostname, hosts and resolv.conf prepared on the host are bind-mounted over the image&apos;s files. The target is opened inside the new root with openat2(RESOLVE_IN_ROOT), so a symlink in the image cannot aim the mount at a host file.</source>
        <translation>Các tệp hostname, hosts và resolv.conf chuẩn bị trên máy chủ được bind-mount đè lên các tệp của image. Đích được mở bên trong thư mục gốc mới bằng openat2(RESOLVE_IN_ROOT), nên một liên kết tượng trưng trong image không thể hướng mount vào một tệp của máy chủ.</translation>
    </message>
    <message>
        <source>A bind mount makes a host folder appear inside the container at the target path. The same files are then seen from two places; a change on either side shows on the other.</source>
        <translation>Bind mount làm một thư mục máy chủ xuất hiện bên trong container tại đường dẫn đích. Khi đó cùng các tệp được nhìn thấy từ hai nơi; thay đổi ở phía này hiện ra ở phía kia.</translation>
    </message>
    <message>
        <source>pivot_root() makes the overlay the new root directory (/) of the mount namespace; the old root, the host&apos;s file system, is then detached and unreachable from inside. A chroot alone can be escaped; pivot_root in a private mount namespace cannot.</source>
        <translation>pivot_root() biến overlay thành thư mục gốc mới (/) của mount namespace; gốc cũ, tức hệ thống tệp của máy chủ, sau đó bị tách ra và không thể tới được từ bên trong. Chỉ chroot thì có thể thoát ra được; pivot_root trong một mount namespace riêng thì không.</translation>
    </message>
    <message>
        <source>Some kernel files would leak host information or allow attacks, such as /proc/kcore, /proc/keys or /sys/firmware. They are hidden by mounting /dev/null or an empty read-only tmpfs over them.</source>
        <translation>Một số tệp của nhân có thể làm lộ thông tin máy chủ hoặc cho phép tấn công, như /proc/kcore, /proc/keys hay /sys/firmware. Chúng được che đi bằng cách mount /dev/null hoặc một tmpfs rỗng chỉ đọc đè lên.</translation>
    </message>
    <message>
        <source>Parts of /proc (sys, sysrq-trigger, irq, bus, fs) change the whole host&apos;s kernel. They are remounted read-only inside the container.</source>
        <translation>Một số phần của /proc (sys, sysrq-trigger, irq, bus, fs) thay đổi nhân của toàn bộ máy chủ. Chúng được mount lại ở chế độ chỉ đọc bên trong container.</translation>
    </message>
    <message>
        <source>Every container gets a small monitor process, like podman&apos;s conmon. It starts the container, is the parent that reaps it, records its exit code and keeps its output, so the container outlives koker and the studio.</source>
        <translation>Mỗi container có một tiến trình giám sát nhỏ, giống conmon của podman. Nó khởi chạy container, là tiến trình cha thu dọn nó, ghi lại mã thoát và giữ đầu ra của nó, nên container sống lâu hơn koker và studio.</translation>
    </message>
    <message>
        <source>exec starts by forking a new process on the host. It will join the running container&apos;s namespaces and cgroups before it runs your command.</source>
        <translation>exec bắt đầu bằng việc fork một tiến trình mới trên máy chủ. Nó sẽ gia nhập các namespace và cgroup của container đang chạy trước khi chạy lệnh của bạn.</translation>
    </message>
    <message>
        <source>The process&apos;s standard input, output and error are connected to pipes from the monitor. The monitor keeps the output for koker logs and relays it to attached terminals.</source>
        <translation>Đầu vào, đầu ra và lỗi chuẩn của tiến trình được nối với các ống (pipe) từ tiến trình giám sát. Tiến trình giám sát giữ đầu ra cho koker logs và chuyển tiếp nó tới các terminal đã gắn vào.</translation>
    </message>
    <message>
        <source>With a terminal (-t) the process gets a pseudo-terminal opened inside the container&apos;s devpts. The master end goes to the monitor, and the process makes the other end its controlling terminal.</source>
        <translation>Khi có terminal (-t), tiến trình nhận một terminal giả được mở bên trong devpts của container. Đầu master đi tới tiến trình giám sát, còn tiến trình lấy đầu kia làm terminal điều khiển của nó.</translation>
    </message>
    <message>
        <source>The working directory comes from the image or --workdir. If the image does not have that directory, it is created now.</source>
        <translation>Thư mục làm việc lấy từ image hoặc --workdir. Nếu image không có thư mục đó, nó được tạo bây giờ.</translation>
    </message>
    <message>
        <source>Capabilities split root&apos;s power into pieces (CAP_NET_ADMIN, CAP_SYS_ADMIN, ...). Dropping them from the bounding set means no program in the container can ever get them back, not even a setuid one.</source>
        <translation>Capability chia quyền lực của root thành nhiều phần (CAP_NET_ADMIN, CAP_SYS_ADMIN, …). Bỏ chúng khỏi bounding set nghĩa là không chương trình nào trong container lấy lại được chúng, kể cả chương trình setuid.</translation>
    </message>
    <message>
        <source>The process takes its user and groups from the image (or --user). The order matters: setgroups and setgid first, because after setuid it may no longer change its groups.</source>
        <translation>Tiến trình lấy người dùng và nhóm từ image (hoặc --user). Thứ tự rất quan trọng: setgroups và setgid trước, vì sau setuid nó có thể không còn đổi được nhóm.</translation>
    </message>
    <message>
        <source>The process keeps only the capabilities Docker grants by default, such as CHOWN, NET_BIND_SERVICE and KILL. Root in the container is then much weaker than root on the host.</source>
        <translation>Tiến trình chỉ giữ các capability mà Docker cấp mặc định, như CHOWN, NET_BIND_SERVICE và KILL. Khi đó root trong container yếu hơn nhiều so với root trên máy chủ.</translation>
    </message>
    <message>
        <source>no_new_privs makes execve() unable to grant privileges: setuid programs and file capabilities stop working. It is also what allows a seccomp filter without CAP_SYS_ADMIN.</source>
        <translation>no_new_privs khiến execve() không thể cấp đặc quyền: chương trình setuid và capability của tệp không còn tác dụng. Nó cũng là điều cho phép dùng bộ lọc seccomp mà không cần CAP_SYS_ADMIN.</translation>
    </message>
    <message>
        <source>A seccomp filter is a small BPF program the kernel runs on every system call. Calls a container never needs, such as loading kernel modules, rebooting or kexec, fail with EPERM.</source>
        <translation>Bộ lọc seccomp là một chương trình BPF nhỏ mà nhân chạy ở mỗi lời gọi hệ thống. Những lời gọi mà container không bao giờ cần, như nạp mô-đun nhân, khởi động lại hay kexec, sẽ thất bại với EPERM.</translation>
    </message>
    <message>
        <source>The process changes to its working directory inside the new root. koker then checks with getcwd() that it really is inside.</source>
        <translation>Tiến trình chuyển vào thư mục làm việc bên trong thư mục gốc mới. Sau đó koker kiểm tra bằng getcwd() rằng nó thật sự ở bên trong.</translation>
    </message>
    <message>
        <source>execve() replaces the prepared process with your program. From here on it is an ordinary process on the host&apos;s kernel, with its own view of the system through namespaces and limited by cgroups.</source>
        <translation>execve() thay tiến trình đã chuẩn bị bằng chương trình của bạn. Từ đây nó là một tiến trình bình thường trên nhân của máy chủ, với góc nhìn riêng về hệ thống nhờ namespace và bị giới hạn bởi cgroup.</translation>
    </message>
    <message>
        <source>A signal is sent to the container&apos;s first process through a pidfd, which cannot hit a wrong process even if the pid was reused. SIGTERM asks the program to stop; SIGKILL, sent when the timeout runs out, cannot be ignored.</source>
        <translation>Tín hiệu được gửi tới tiến trình đầu tiên của container qua một pidfd, nên không thể trúng nhầm tiến trình khác ngay cả khi pid đã bị dùng lại. SIGTERM yêu cầu chương trình dừng; SIGKILL, gửi khi hết thời gian chờ, thì không thể bị bỏ qua.</translation>
    </message>
    <message>
        <source>An image name like alpine:latest is resolved to a manifest: the list of the image&apos;s layers and its config, each named by a digest (the sha256 of its content). Every later step then works on exact, verifiable content.</source>
        <translation>Một tên image như alpine:latest được phân giải thành một manifest: danh sách các lớp và config của image, mỗi thứ được đặt tên theo một digest (sha256 của nội dung). Mọi bước sau đó làm việc trên nội dung chính xác, kiểm chứng được.</translation>
    </message>
    <message>
        <source>koker asks the registry for the manifest over HTTPS (GET /v2/&lt;name&gt;/manifests/&lt;tag&gt;). For a multi-platform image the answer is an index that lists one manifest per platform.</source>
        <translation>koker hỏi registry lấy manifest qua HTTPS (GET /v2/&lt;name&gt;/manifests/&lt;tag&gt;). Với image đa nền tảng, câu trả lời là một index liệt kê mỗi nền tảng một manifest.</translation>
    </message>
    <message>
        <source>An index lists one manifest per platform (linux/amd64, linux/arm64, ...). koker picks the one matching this machine and fetches it by its digest.</source>
        <translation>Một index liệt kê mỗi nền tảng một manifest (linux/amd64, linux/arm64, …). koker chọn cái khớp với máy này và lấy nó theo digest.</translation>
    </message>
    <message>
        <source>The config holds what the image runs (entrypoint, command, environment, working directory) and the diff_ids, the digests of the uncompressed layers. Its digest is checked like any other blob&apos;s.</source>
        <translation>Config chứa những gì image chạy (entrypoint, lệnh, môi trường, thư mục làm việc) và các diff_id, tức digest của các lớp chưa nén. Digest của nó được kiểm tra như mọi blob khác.</translation>
    </message>
    <message>
        <source>The image config is stored as a blob named by its digest. Its content (entrypoint, environment, layers) is what koker image inspect shows.</source>
        <translation>Config của image được lưu thành một blob đặt tên theo digest. Nội dung của nó (entrypoint, môi trường, các lớp) là những gì koker image inspect hiển thị.</translation>
    </message>
    <message>
        <source>Each layer is a compressed tar of file changes. It is downloaded to a temporary file and committed to the store only when its size and sha256 digest match the manifest, so a corrupt or tampered layer is never used.</source>
        <translation>Mỗi lớp là một tệp tar nén chứa các thay đổi tệp. Nó được tải vào một tệp tạm và chỉ được đưa vào kho khi kích thước và digest sha256 khớp với manifest, nên một lớp hỏng hay bị sửa đổi không bao giờ được dùng.</translation>
    </message>
    <message>
        <source>A layer is unpacked once into its own directory, named by the digest of its content, and shared by every image and container that uses it. Files the layer deletes (whiteouts) become overlayfs whiteouts: character devices 0:0.</source>
        <translation>Một lớp được giải nén một lần vào thư mục riêng, đặt tên theo digest của nội dung, và được mọi image và container dùng nó chia sẻ. Các tệp mà lớp xóa (whiteout) trở thành whiteout của overlayfs: thiết bị ký tự 0:0.</translation>
    </message>
    <message>
        <source>Layers not yet in the store are extracted in parallel, one per thread. The steps that follow wait for them.</source>
        <translation>Các lớp chưa có trong kho được giải nén song song, mỗi luồng một lớp. Các bước sau chờ chúng.</translation>
    </message>
    <message>
        <source>The config lists the digest of every uncompressed layer (diff_ids); each must be present in the store, or the image would be incomplete. It is the last check before the image is recorded.</source>
        <translation>Config liệt kê digest của mọi lớp chưa nén (diff_ids); mỗi lớp phải có trong kho, nếu không image sẽ không đầy đủ. Đây là lần kiểm tra cuối trước khi image được ghi nhận.</translation>
    </message>
    <message>
        <source>The manifest and the config are stored under their digests. The same content always gets the same name, so nothing is stored twice.</source>
        <translation>Manifest và config được lưu dưới digest của chúng. Cùng nội dung luôn có cùng tên, nên không có gì bị lưu hai lần.</translation>
    </message>
    <message>
        <source>The store&apos;s index maps names such as alpine:latest to image ids. Only after this step does the image show up in koker images.</source>
        <translation>Chỉ mục của kho ánh xạ các tên như alpine:latest tới id image. Chỉ sau bước này image mới xuất hiện trong koker images.</translation>
    </message>
    <message>
        <source>The tarball is copied into the blob store while its sha256 digest is computed. The digest becomes its name.</source>
        <translation>Tệp tar được sao vào kho blob trong khi digest sha256 của nó được tính. Digest trở thành tên của nó.</translation>
    </message>
    <message>
        <source>A verified blob is renamed to its digest. A rename is atomic: readers see either no blob or the whole blob, never half of it.</source>
        <translation>Một blob đã kiểm tra được đổi tên theo digest của nó. Việc đổi tên là nguyên tử: người đọc hoặc không thấy blob nào, hoặc thấy toàn bộ blob, không bao giờ thấy một nửa.</translation>
    </message>
    <message>
        <source>When saving, each layer is written into the archive as its own tar file. A loader reads them back in the order the manifest gives.</source>
        <translation>Khi lưu, mỗi lớp được ghi vào tệp lưu trữ thành một tệp tar riêng. Chương trình nạp đọc lại chúng theo thứ tự manifest đưa ra.</translation>
    </message>
    <message>
        <source>image save writes a docker-archive: one tar file holding the image&apos;s layers, config and manifest. docker load and koker image load read it back.</source>
        <translation>image save ghi một docker-archive: một tệp tar chứa các lớp, config và manifest của image. docker load và koker image load đọc lại nó.</translation>
    </message>
    <message>
        <source>koker reads the archive&apos;s entries: layer tars, config files and manifest.json (docker-archive) or index.json (OCI layout). Nothing enters the store before it is verified.</source>
        <translation>koker đọc các mục trong tệp lưu trữ: các tar của lớp, tệp config và manifest.json (docker-archive) hoặc index.json (bố cục OCI). Không có gì vào kho trước khi được kiểm tra.</translation>
    </message>
    <message>
        <source>manifest.json, or the OCI index, names the images in the archive. For each it gives the config, the layers in order and the tags.</source>
        <translation>manifest.json, hoặc index OCI, nêu tên các image trong tệp lưu trữ. Với mỗi image, nó cho biết config, các lớp theo thứ tự và các tag.</translation>
    </message>
    <message>
        <source>manifest.json and repositories tell a loader which config and layers make each image. They also carry the image&apos;s names (tags).</source>
        <translation>manifest.json và repositories cho chương trình nạp biết config và các lớp nào tạo nên mỗi image. Chúng cũng mang tên (tag) của image.</translation>
    </message>
    <message>
        <source>The tar&apos;s end-of-archive marker is written and the file is closed. The archive can now be copied to a machine without internet.</source>
        <translation>Dấu kết thúc của tệp tar được ghi và tệp được đóng. Giờ tệp lưu trữ có thể được sao sang một máy không có internet.</translation>
    </message>
    <message>
        <source>A later step failed, so koker undoes the steps it had completed, newest first, and leaves nothing behind on the host. This step undoes the following:</source>
        <translation>Một bước sau đã thất bại, nên koker hoàn tác các bước đã hoàn thành, mới nhất trước, và không để lại gì trên máy chủ. Bước này hoàn tác điều sau:</translation>
    </message>
    <message>
        <source>overlayfs (kernel docs)</source>
        <translation>overlayfs (tài liệu nhân)</translation>
    </message>
    <message>
        <source>cgroup v2 (kernel docs)</source>
        <translation>cgroup v2 (tài liệu nhân)</translation>
    </message>
    <message>
        <source>cgroup v1 memory (kernel docs)</source>
        <translation>cgroup v1 memory (tài liệu nhân)</translation>
    </message>
    <message>
        <source>cgroup v1 devices (kernel docs)</source>
        <translation>cgroup v1 devices (tài liệu nhân)</translation>
    </message>
    <message>
        <source>cgroup v1 freezer (kernel docs)</source>
        <translation>cgroup v1 freezer (tài liệu nhân)</translation>
    </message>
    <message>
        <source>cpusets (kernel docs)</source>
        <translation>cpusets (tài liệu nhân)</translation>
    </message>
    <message>
        <source>CFS bandwidth control (kernel docs)</source>
        <translation>Điều khiển băng thông CFS (tài liệu nhân)</translation>
    </message>
    <message>
        <source>pids controller (kernel docs)</source>
        <translation>Controller pids (tài liệu nhân)</translation>
    </message>
    <message>
        <source>devpts (kernel docs)</source>
        <translation>devpts (tài liệu nhân)</translation>
    </message>
    <message>
        <source>OCI image spec</source>
        <translation>Đặc tả image OCI</translation>
    </message>
    <message>
        <source>OCI image manifest</source>
        <translation>Manifest image OCI</translation>
    </message>
    <message>
        <source>OCI image index</source>
        <translation>Index image OCI</translation>
    </message>
    <message>
        <source>OCI image config</source>
        <translation>Config image OCI</translation>
    </message>
    <message>
        <source>OCI image layers</source>
        <translation>Các lớp image OCI</translation>
    </message>
    <message>
        <source>OCI distribution spec</source>
        <translation>Đặc tả phân phối OCI</translation>
    </message>
    <message>
        <source>Docker image archive format</source>
        <translation>Định dạng lưu trữ image Docker</translation>
    </message>
    <message>
        <source>koker waits for the process to end: the container&apos;s monitor, its parent, learns of it from waitid() and writes the exit status. A program that handles SIGTERM gets this grace period to save its work; when it runs out, SIGKILL follows.</source>
        <translation>koker chờ tiến trình kết thúc: tiến trình giám sát của container, là tiến trình cha của nó, biết điều đó qua waitid() và ghi trạng thái thoát. Chương trình xử lý SIGTERM được khoảng thời gian ân hạn này để lưu công việc; khi hết thời gian, SIGKILL sẽ theo sau.</translation>
    </message>
    <message>
        <source>What is RCU? (kernel docs)</source>
        <translation>RCU là gì? (tài liệu kernel)</translation>
    </message>
    <message>
        <source>overlayfs stacks directories: the image layers as read-only lower layers and the container&apos;s upper directory on top. Reads find the topmost copy of a file; a write first copies the file up into upper, so the image is shared and never changed. A --rm container&apos;s upper is mounted volatile: it is deleted at the end, so unmounting it skips writing the disk&apos;s cached data out.</source>
        <translation>overlayfs xếp chồng các thư mục: các lớp image làm lớp dưới chỉ đọc và thư mục upper của container ở trên cùng. Khi đọc sẽ tìm bản trên cùng của tệp; khi ghi thì tệp được sao lên upper trước, nên image được dùng chung và không bao giờ bị thay đổi. Với container --rm, upper được gắn ở chế độ volatile: nó bị xóa khi kết thúc, nên lúc gỡ gắn không cần ghi dữ liệu đệm xuống đĩa.</translation>
    </message>
    <message>
        <source>The container gets its own writable layer: upper (where its changes land) and work (overlayfs&apos;s scratch space). The image layers below stay read-only and are shared with every container of the same image. The mount point, rootfs, is one empty directory for all containers: each mounts on it in its own mount namespace, where no other container looks.</source>
        <translation>Container có lớp ghi được của riêng nó: upper (nơi các thay đổi của nó được lưu) và work (vùng nháp của overlayfs). Các lớp image bên dưới vẫn chỉ đọc và được dùng chung với mọi container của cùng image. Điểm gắn rootfs là một thư mục rỗng duy nhất cho mọi container: mỗi container gắn lên đó trong mount namespace riêng của nó, nơi không container nào khác nhìn vào.</translation>
    </message>
    <message>
        <source>cgroup v2 has no devices controller. Instead Koker turns Docker&apos;s list of harmless devices into a tiny eBPF program and attaches it to the container&apos;s cgroup. The kernel runs it for every open() or mknod() of a device file: it returns 1 (allow) for null, zero, random, tty and pseudo-terminals, 0 (deny) for everything else, such as the host&apos;s disks.</source>
        <translation>cgroup v2 không có bộ điều khiển devices. Thay vào đó, Koker biến danh sách thiết bị vô hại của Docker thành một chương trình eBPF nhỏ và gắn nó vào cgroup của container. Kernel chạy chương trình này mỗi khi có open() hay mknod() một tệp thiết bị: nó trả về 1 (cho phép) với null, zero, random, tty và các pseudo-terminal, 0 (từ chối) với mọi thứ khác, chẳng hạn các ổ đĩa của máy chủ.</translation>
    </message>
</context>
<context>
    <name>StepThroughBar</name>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Tiếp</translation>
    </message>
    <message>
        <source>Do this step, then pause before the next one</source>
        <translation>Thực hiện bước này, rồi dừng trước bước sau</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Chạy hết</translation>
    </message>
    <message>
        <source>Do this step and all the others without pausing</source>
        <translation>Thực hiện bước này và mọi bước còn lại mà không dừng</translation>
    </message>
    <message>
        <source>&amp;Abort</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>Stop here: the steps done so far are undone in reverse order</source>
        <translation>Dừng tại đây: các bước đã làm được hoàn tác theo thứ tự ngược lại</translation>
    </message>
</context>
<context>
    <name>UnderTheHoodPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>Ask the kernel again (through kokerd)</source>
        <translation>Hỏi lại nhân hệ điều hành (qua kokerd)</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Cgroup</source>
        <translation>Cgroup</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>Mount</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Mạng</translation>
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
        <translation>đã gắn</translation>
    </message>
    <message>
        <source>exec: %1</source>
        <translation>exec: %1</translation>
    </message>
    <message>
        <source>The container&apos;s main process: what it prints, and your keys as its input</source>
        <translation>Tiến trình chính của container: những gì nó in ra, và phím bạn gõ làm đầu vào của nó</translation>
    </message>
    <message>
        <source>A command started in the container for this console</source>
        <translation>Một lệnh được chạy trong container cho bảng điều khiển này</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Kết nối lại</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Chạy lại</translation>
    </message>
    <message>
        <source>Attach to the container again (after it was restarted)</source>
        <translation>Gắn lại vào container (sau khi nó được khởi động lại)</translation>
    </message>
    <message>
        <source>Start %1 in the container again</source>
        <translation>Chạy lại %1 trong container</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No connection to the Koker helper.</source>
        <translation>Không có kết nối tới trình trợ giúp Koker.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Đang kết nối tới %1…</translation>
    </message>
    <message>
        <source>The container is not running. Start it, then reconnect.</source>
        <translation>Container không chạy. Hãy khởi động nó rồi kết nối lại.</translation>
    </message>
    <message>
        <source>You are not allowed to open a console of this container.</source>
        <translation>Bạn không được phép mở bảng điều khiển của container này.</translation>
    </message>
    <message>
        <source>The Koker helper (kokerd) is not available.</source>
        <translation>Trình trợ giúp Koker (kokerd) không khả dụng.</translation>
    </message>
    <message>
        <source>The console could not be opened.</source>
        <translation>Không mở được bảng điều khiển.</translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation>đã kết nối lại</translation>
    </message>
    <message>
        <source>The process was killed by the OOM killer: the container ran out of memory (exit code %1).</source>
        <translation>Tiến trình bị OOM killer giết: container đã hết bộ nhớ (mã thoát %1).</translation>
    </message>
    <message>
        <source>The process was killed by signal %1 (exit code %2).</source>
        <translation>Tiến trình bị giết bởi tín hiệu %1 (mã thoát %2).</translation>
    </message>
    <message>
        <source>The process exited with code %1.</source>
        <translation>Tiến trình đã thoát với mã %1.</translation>
    </message>
    <message>
        <source>The connection was lost: the container stopped, or its monitor went away.</source>
        <translation>Mất kết nối: container đã dừng, hoặc tiến trình giám sát của nó đã biến mất.</translation>
    </message>
    <message>
        <source>Detached. The container keeps running.</source>
        <translation>Đã tách ra. Container vẫn tiếp tục chạy.</translation>
    </message>
    <message>
        <source>Detached. %1 keeps running in the container.</source>
        <translation>Đã tách ra. %1 vẫn chạy tiếp trong container.</translation>
    </message>
    <message>
        <source>Press Enter or click Reconnect to attach again, for example after restarting the container.</source>
        <translation>Nhấn Enter hoặc bấm Kết nối lại để gắn vào lần nữa, ví dụ sau khi khởi động lại container.</translation>
    </message>
    <message>
        <source>Press Enter or click Run Again to start %1 again.</source>
        <translation>Nhấn Enter hoặc bấm Chạy lại để chạy %1 lần nữa.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Chưa kết nối</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <source>Killed by the OOM killer</source>
        <translation>Bị OOM killer giết</translation>
    </message>
    <message>
        <source>Killed by %1</source>
        <translation>Bị giết bởi %1</translation>
    </message>
    <message>
        <source>Exited with code %1</source>
        <translation>Đã thoát với mã %1</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Không kết nối được</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Đã tách ra</translation>
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
        </translation>
    </message>
    <message>
        <source>%1 CPUs</source>
        <translation>%1 CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Bộ nhớ</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Processes (PIDs)</source>
        <translation>Tiến trình (PID)</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>đang đo…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 % of the quota)</source>
        <translation>%1 trên %2 (%3 % hạn mức)</translation>
    </message>
    <message>
        <source>%1, no quota</source>
        <translation>%1, không có hạn mức</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 trên %2 (%3 %)</translation>
    </message>
    <message>
        <source>%1, no limit</source>
        <translation>%1, không giới hạn</translation>
    </message>
    <message numerus="yes">
        <source>throttled %n time(s)</source>
        <translation type="vanished">
            <numerusform>bị bóp %n lần</numerusform>
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
        <translation>Số lần OOM giết: %1</translation>
    </message>
    <message>
        <source>No container selected</source>
        <translation>Chưa chọn container</translation>
    </message>
    <message>
        <source>Waiting for the first reading…</source>
        <translation>Đang chờ lần đo đầu tiên…</translation>
    </message>
    <message>
        <source>host: %1</source>
        <translation>máy chủ: %1</translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>giới hạn %1</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation type="vanished">
            <numerusform>%n phút trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation type="vanished">
            <numerusform>%n giây trước</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>bây giờ</translation>
    </message>
    <message>
        <source>1 CPU</source>
        <translation>1 CPU</translation>
    </message>
    <message>
        <source>throttled periods: %1</source>
        <translation>số chu kỳ bị bóp: %1</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 phút trước</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 giây trước</translation>
    </message>
</context>
<context>
    <name>koker::StatsPoller</name>
    <message>
        <source>The container is not running.</source>
        <translation>Container không chạy.</translation>
    </message>
    <message>
        <source>You are not allowed to read this container&apos;s resource use.</source>
        <translation>Bạn không được phép đọc mức dùng tài nguyên của container này.</translation>
    </message>
    <message>
        <source>The Koker helper (kokerd) is not available.</source>
        <translation>Trình trợ giúp Koker (kokerd) không khả dụng.</translation>
    </message>
    <message>
        <source>Could not read the resource use: %1</source>
        <translation>Không đọc được mức dùng tài nguyên: %1</translation>
    </message>
</context>
<context>
    <name>koker::TerminalSession</name>
    <message>
        <source>Process exited with code %1 — press Enter to reconnect</source>
        <translation>Tiến trình đã thoát với mã %1 — nhấn Enter để kết nối lại</translation>
    </message>
    <message>
        <source>Connection closed — press Enter to reconnect</source>
        <translation>Kết nối đã đóng — nhấn Enter để kết nối lại</translation>
    </message>
</context>
<context>
    <name>koker::studio::AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>Phiên bản %1</translation>
    </message>
    <message>
        <source>Built with Qt %1 (running on %2). The terminal is our own widget on libvterm; layers are read with libarchive; links and addresses go through libnl, NAT rules through libiptc.</source>
        <translation>Được xây dựng với Qt %1 (đang chạy trên %2). Terminal là widget riêng dựa trên libvterm; các lớp được đọc bằng libarchive; liên kết và địa chỉ đi qua libnl, quy tắc NAT qua libiptc.</translation>
    </message>
</context>
<context>
    <name>koker::studio::CgroupLimitsModel</name>
    <message>
        <source>no limit (%1)</source>
        <translation>không giới hạn (%1)</translation>
    </message>
    <message>
        <source>cgroup v1: one hierarchy per controller</source>
        <translation>cgroup v1: mỗi controller một cây phân cấp</translation>
    </message>
    <message>
        <source>hybrid: the controllers are in v1 hierarchies, a v2 hierarchy is mounted beside them without controllers</source>
        <translation>lai (hybrid): các controller nằm trong cây v1, bên cạnh có một cây v2 được mount nhưng không có controller</translation>
    </message>
    <message>
        <source>cgroup v2: one unified hierarchy</source>
        <translation>cgroup v2: một cây phân cấp thống nhất</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>(no such file)</source>
        <translation>(không có tệp)</translation>
    </message>
    <message>
        <source>kernel default</source>
        <translation>mặc định của nhân</translation>
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
        <translation>Tệp giới hạn</translation>
    </message>
    <message>
        <source>Value now</source>
        <translation>Giá trị hiện tại</translation>
    </message>
    <message>
        <source>Written by Koker</source>
        <translation>Koker đã ghi</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Mức dùng</translation>
    </message>
</context>
<context>
    <name>koker::studio::CleanupProofDialog</name>
    <message>
        <source>kokerd sent no proof of cleanup for %1 (an older kokerd?).</source>
        <translation>kokerd không gửi bằng chứng dọn dẹp cho %1 (kokerd phiên bản cũ?).</translation>
    </message>
    <message>
        <source>Nothing to check for %1.</source>
        <translation>Không có gì để kiểm tra cho %1.</translation>
    </message>
    <message>
        <source>✓ %1 is gone without a trace: every change it made was undone.</source>
        <translation>✓ %1 đã biến mất không dấu vết: mọi thay đổi nó tạo ra đều đã được hoàn tác.</translation>
    </message>
    <message>
        <source>✗ %1 left something behind.</source>
        <translation>✗ %1 còn để lại thứ gì đó.</translation>
    </message>
</context>
<context>
    <name>koker::studio::CleanupProofModel</name>
    <message>
        <source>cgroup directory</source>
        <translation>thư mục cgroup</translation>
    </message>
    <message>
        <source>network namespace file</source>
        <translation>tệp namespace mạng</translation>
    </message>
    <message>
        <source>mount</source>
        <translation>mount</translation>
    </message>
    <message>
        <source>veth interface</source>
        <translation>giao diện veth</translation>
    </message>
    <message>
        <source>bridge port</source>
        <translation>cổng bridge</translation>
    </message>
    <message>
        <source>iptables rules</source>
        <translation>quy tắc iptables</translation>
    </message>
    <message>
        <source>IP address lease</source>
        <translation>địa chỉ IP đã cấp</translation>
    </message>
    <message>
        <source>state directory</source>
        <translation>thư mục trạng thái</translation>
    </message>
    <message>
        <source>run directory</source>
        <translation>thư mục chạy</translation>
    </message>
    <message>
        <source>bridge</source>
        <translation>bridge</translation>
    </message>
    <message>
        <source>kokerd reported no host changes to check.</source>
        <translation>kokerd không báo thay đổi nào trên máy chủ cần kiểm tra.</translation>
    </message>
    <message numerus="yes">
        <source>All %n host change(s) are gone.</source>
        <translation>
            <numerusform>Tất cả %n thay đổi trên máy chủ đã biến mất.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host change(s) are still there.</source>
        <translation>
            <numerusform>%1 trong %n thay đổi trên máy chủ vẫn còn.</numerusform>
        </translation>
    </message>
    <message>
        <source>• kept (shared)</source>
        <translation>• giữ lại (dùng chung)</translation>
    </message>
    <message>
        <source>✗ still there</source>
        <translation>✗ vẫn còn</translation>
    </message>
    <message>
        <source>✓ gone</source>
        <translation>✓ đã mất</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>from the container&apos;s records</source>
        <translation>từ hồ sơ của container</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>bước %1: %2</translation>
    </message>
    <message>
        <source>Still there: %1</source>
        <translation>Vẫn còn: %1</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Hiện tại</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cái gì</translation>
    </message>
    <message>
        <source>Where on the host</source>
        <translation>Ở đâu trên máy chủ</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Tạo bởi</translation>
    </message>
</context>
<context>
    <name>koker::studio::ContainerDetails</name>
    <message>
        <source>The step timeline is not part of this build.</source>
        <translation>Dòng thời gian các bước không có trong bản dựng này.</translation>
    </message>
    <message>
        <source>The graphs are not part of this build.</source>
        <translation>Biểu đồ không có trong bản dựng này.</translation>
    </message>
    <message>
        <source>Select a container to see its steps, details, logs and graphs.</source>
        <translation>Chọn một container để xem các bước, chi tiết, nhật ký và biểu đồ của nó.</translation>
    </message>
    <message>
        <source>Container %1</source>
        <translation>Container %1</translation>
    </message>
    <message>
        <source>read the container&apos;s steps</source>
        <translation>đọc các bước của container</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>inspect the container</source>
        <translation>xem chi tiết container</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (đang chạy)</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: xong</translation>
    </message>
    <message>
        <source>%1: failed</source>
        <translation>%1: thất bại</translation>
    </message>
    <message>
        <source>read the logs</source>
        <translation>đọc nhật ký</translation>
    </message>
    <message>
        <source>[the log was rotated]
</source>
        <translation>[nhật ký đã được xoay vòng]
</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Dòng %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Cấu hình</translation>
    </message>
    <message>
        <source>Limits and host settings</source>
        <translation>Giới hạn và thiết lập máy chủ</translation>
    </message>
    <message>
        <source>Control groups</source>
        <translation>Control group</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>Mount</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Mạng</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>look under the hood</source>
        <translation>xem bên trong</translation>
    </message>
    <message>
        <source>Export steps…</source>
        <translation>Xuất các bước…</translation>
    </message>
    <message>
        <source>Save this container&apos;s recorded steps as a shell script, a Chrome trace for Perfetto or a Markdown lab report</source>
        <translation>Lưu các bước đã ghi của container này thành script shell, trace Chrome cho Perfetto hoặc báo cáo thực hành Markdown</translation>
    </message>
    <message>
        <source>The under-the-hood views are not part of this build.</source>
        <translation>Các khung nhìn “Bên trong” không có trong bản dựng này.</translation>
    </message>
    <message>
        <source>Export steps</source>
        <translation>Xuất các bước</translation>
    </message>
    <message>
        <source>export the steps</source>
        <translation>xuất các bước</translation>
    </message>
    <message>
        <source>Saved the steps to %1.</source>
        <translation>Đã lưu các bước vào %1.</translation>
    </message>
</context>
<context>
    <name>koker::studio::ContainersModel</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n giây</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n phút</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n giờ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Đang chạy</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Tạo lúc</translation>
    </message>
    <message>
        <source>Killed (out of memory)</source>
        <translation>Bị giết (hết bộ nhớ)</translation>
    </message>
    <message>
        <source>Exited (%1)</source>
        <translation>Đã thoát (%1)</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>Đã chạy %1</translation>
    </message>
    <message>
        <source>Stopped %1 ago</source>
        <translation>Đã dừng %1 trước</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa khởi động</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 trên %2</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Bắt đầu %1</translation>
    </message>
    <message>
        <source>Limited to %1 CPUs; 100 % is one full CPU</source>
        <translation>Giới hạn ở %1 CPU; 100 % là một CPU đầy đủ</translation>
    </message>
    <message>
        <source>No CPU limit; 100 % is one full CPU</source>
        <translation>Không giới hạn CPU; 100 % là một CPU đầy đủ</translation>
    </message>
    <message>
        <source>Memory in use, of the container&apos;s limit</source>
        <translation>Bộ nhớ đang dùng, so với giới hạn của container</translation>
    </message>
    <message>
        <source>Memory in use (no limit set)</source>
        <translation>Bộ nhớ đang dùng (không đặt giới hạn)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Thời gian chạy</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Bộ nhớ</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Cổng</translation>
    </message>
    <message>
        <source>Container ID</source>
        <translation>ID container</translation>
    </message>
</context>
<context>
    <name>koker::studio::ContainersView</name>
    <message>
        <source>list the containers</source>
        <translation>liệt kê các container</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n container</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n đang chạy</numerusform>
        </translation>
    </message>
    <message>
        <source>start the container</source>
        <translation>khởi động container</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>Khởi động %1</translation>
    </message>
    <message>
        <source>stop the container</source>
        <translation>dừng container</translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation>Dừng %1</translation>
    </message>
    <message>
        <source>remove the container</source>
        <translation>xóa container</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Xóa %1</translation>
    </message>
    <message>
        <source>Removed %1 and everything it made on this computer.</source>
        <translation>Đã xóa %1 và mọi thứ nó tạo trên máy này.</translation>
    </message>
    <message>
        <source>kill the container</source>
        <translation>buộc dừng container</translation>
    </message>
    <message>
        <source>Remove container</source>
        <translation>Xóa container</translation>
    </message>
    <message>
        <source>Remove the container %1?</source>
        <translation>Xóa container %1?</translation>
    </message>
    <message>
        <source>It is running: it will be killed first. Its files, its cgroup, its network devices and its logs are deleted.</source>
        <translation>Container đang chạy: nó sẽ bị buộc dừng trước. Các tệp, cgroup, thiết bị mạng và nhật ký của nó sẽ bị xóa.</translation>
    </message>
    <message>
        <source>Its files, its cgroup, its network devices and its logs are deleted.</source>
        <translation>Các tệp, cgroup, thiết bị mạng và nhật ký của nó sẽ bị xóa.</translation>
    </message>
</context>
<context>
    <name>koker::studio::ExperimentRunner</name>
    <message>
        <source>Creating the container %1…</source>
        <translation>Đang tạo container %1…</translation>
    </message>
    <message>
        <source>create the container</source>
        <translation>tạo container</translation>
    </message>
    <message>
        <source>Starting it…</source>
        <translation>Đang khởi động…</translation>
    </message>
    <message>
        <source>start the container</source>
        <translation>khởi động container</translation>
    </message>
    <message>
        <source>inspect the container</source>
        <translation>kiểm tra container</translation>
    </message>
    <message>
        <source>look under the hood</source>
        <translation>xem bên trong</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>Không thể %1: %2</translation>
    </message>
    <message>
        <source>Removing the experiment&apos;s containers…</source>
        <translation>Đang xóa các container của thí nghiệm…</translation>
    </message>
    <message>
        <source>The shell is allocating; waiting for it to end…</source>
        <translation>Shell đang cấp phát bộ nhớ; đang chờ nó kết thúc…</translation>
    </message>
    <message>
        <source>Processes are being started; counting them…</source>
        <translation>Các tiến trình đang được khởi động; đang đếm chúng…</translation>
    </message>
    <message>
        <source>The loop spins; reading the throttling counters twice…</source>
        <translation>Vòng lặp đang chạy; đang đọc bộ đếm throttling hai lần…</translation>
    </message>
</context>
<context>
    <name>koker::studio::Experiments</name>
    <message>
        <source>✓ Seen:</source>
        <translation>✓ Đã thấy:</translation>
    </message>
    <message>
        <source>✗ Not seen:</source>
        <translation>✗ Không thấy:</translation>
    </message>
    <message>
        <source>A memory limit meets the OOM killer</source>
        <translation>Giới hạn bộ nhớ gặp OOM killer</translation>
    </message>
    <message>
        <source>A fork bomb against pids.max</source>
        <translation>Bom fork đối đầu pids.max</translation>
    </message>
    <message>
        <source>A busy loop under a CPU quota</source>
        <translation>Vòng lặp bận dưới hạn mức CPU</translation>
    </message>
    <message>
        <source>No network namespace: --network host</source>
        <translation>Không có namespace mạng: --network host</translation>
    </message>
    <message>
        <source>The container may use 16 MiB. Its shell doubles a string again and again, so it needs more memory every moment. When the cgroup&apos;s limit is reached and nothing can be reclaimed, the kernel&apos;s OOM killer ends a process in that cgroup (and only there).</source>
        <translation>Container được dùng 16 MiB. Shell của nó nhân đôi một chuỗi liên tục nên mỗi lúc cần thêm bộ nhớ. Khi chạm giới hạn của cgroup và không thu hồi được gì, OOM killer của nhân sẽ kết thúc một tiến trình trong cgroup đó (và chỉ ở đó).</translation>
    </message>
    <message>
        <source>The container may have 20 processes (pids.max). Its shell starts sleeping processes as fast as it can until fork() fails, %1 times over. The pids controller refuses every fork() past the limit, so the rest of the computer never notices.</source>
        <translation>Container được có 20 tiến trình (pids.max). Shell của nó khởi động các tiến trình ngủ nhanh nhất có thể cho đến khi fork() thất bại, lặp lại %1 lần. Controller pids từ chối mọi fork() vượt giới hạn, nên phần còn lại của máy không hề bị ảnh hưởng.</translation>
    </message>
    <message>
        <source>The container may use 0.2 CPU: 20 ms in every 100 ms period (cpu.cfs_quota_us / cpu.max). Its shell spins in an endless loop. Once the quota of a period is used, the scheduler stops the cgroup until the next period: it is throttled, and the throttled time grows.</source>
        <translation>Container được dùng 0,2 CPU: 20 ms trong mỗi chu kỳ 100 ms (cpu.cfs_quota_us / cpu.max). Shell của nó chạy một vòng lặp vô tận. Khi dùng hết hạn mức của một chu kỳ, bộ lập lịch dừng cgroup đến chu kỳ sau: nó bị bóp (throttled), và thời gian bị bóp tăng dần.</translation>
    </message>
    <message>
        <source>Two containers list their network interfaces (cat /proc/net/dev): one with --network host, which gets no network namespace of its own, and one on the bridge. Compare both lists with the host&apos;s.</source>
        <translation>Hai container liệt kê giao diện mạng của chúng (cat /proc/net/dev): một cái với --network host, không có namespace mạng riêng, và một cái trên bridge. Hãy so sánh cả hai danh sách với của máy chủ.</translation>
    </message>
    <message>
        <source>The OOM killer ended the shell when it reached 16 MiB.</source>
        <translation>OOM killer đã kết thúc shell khi nó chạm 16 MiB.</translation>
    </message>
    <message>
        <source>Exit code %1 is 128 + 9: the process got SIGKILL, which cannot be caught. The kernel counted it in the cgroup&apos;s memory.oom_control (oom_kill) and Koker&apos;s monitor recorded it as OOMKilled. Processes outside the container were not touched.</source>
        <translation>Mã thoát %1 là 128 + 9: tiến trình nhận SIGKILL, tín hiệu không thể bắt được. Nhân đã đếm nó trong memory.oom_control của cgroup (oom_kill) và bộ giám sát của Koker ghi nhận là OOMKilled. Các tiến trình bên ngoài container không bị ảnh hưởng.</translation>
    </message>
    <message>
        <source>The container was still running when the experiment gave up.</source>
        <translation>Container vẫn đang chạy khi thí nghiệm bỏ cuộc.</translation>
    </message>
    <message>
        <source>The memory limit was not reached in time; the host may be very slow.</source>
        <translation>Giới hạn bộ nhớ không bị chạm tới kịp; máy chủ có thể rất chậm.</translation>
    </message>
    <message>
        <source>The container ended without the OOM killer (exit code %1).</source>
        <translation>Container kết thúc mà không do OOM killer (mã thoát %1).</translation>
    </message>
    <message>
        <source>Something else stopped it first; its output may say what.</source>
        <translation>Có thứ khác đã dừng nó trước; đầu ra của nó có thể cho biết là gì.</translation>
    </message>
    <message numerus="yes">
        <source>%n fork() refused in the output (EAGAIN)</source>
        <translation>
            <numerusform>%n lần fork() bị từ chối trong đầu ra (EAGAIN)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pids.max held: at most %1 processes, and %n fork() call(s) refused.</source>
        <translation>
            <numerusform>pids.max đã giữ vững: tối đa %1 tiến trình, và %n lần gọi fork() bị từ chối.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every fork() past the limit failed with EAGAIN (&quot;Resource temporarily unavailable&quot;), and the shell went on to the next try. pids.events counts how often the limit was hit. A real fork bomb stops at the same wall.</source>
        <translation>Mọi fork() vượt giới hạn đều thất bại với EAGAIN (“Resource temporarily unavailable”), và shell tiếp tục thử lần sau. pids.events đếm số lần chạm giới hạn. Một quả bom fork thật cũng dừng ở cùng bức tường đó.</translation>
    </message>
    <message>
        <source>The container had no process limit.</source>
        <translation>Container không có giới hạn tiến trình.</translation>
    </message>
    <message>
        <source>No fork() was refused (%1 of %2 processes).</source>
        <translation>Không có fork() nào bị từ chối (%1 trên %2 tiến trình).</translation>
    </message>
    <message>
        <source>The loop may not have run long enough yet.</source>
        <translation>Có thể vòng lặp chưa chạy đủ lâu.</translation>
    </message>
    <message>
        <source>throttled time %1 ms → %2 ms</source>
        <translation>thời gian bị bóp %1 ms → %2 ms</translation>
    </message>
    <message>
        <source>throttled periods %1 → %2</source>
        <translation>số chu kỳ bị bóp %1 → %2</translation>
    </message>
    <message>
        <source>CPU used in %1 s: %2 ms = %3 CPU (quota %4)</source>
        <translation>CPU đã dùng trong %1 s: %2 ms = %3 CPU (hạn mức %4)</translation>
    </message>
    <message>
        <source>The busy loop was throttled: %1 ms of waiting in %2 s.</source>
        <translation>Vòng lặp bận đã bị bóp: %1 ms chờ trong %2 s.</translation>
    </message>
    <message>
        <source>In each 100 ms period the cgroup may run 20 ms. The loop used its share and was then taken off the CPU until the next period, so it got about %1 CPU however hard it spun.</source>
        <translation>Trong mỗi chu kỳ 100 ms, cgroup được chạy 20 ms. Vòng lặp dùng hết phần của nó rồi bị đưa ra khỏi CPU đến chu kỳ sau, nên nó chỉ được khoảng %1 CPU dù chạy hết sức.</translation>
    </message>
    <message>
        <source>This host does not report CPU throttling for the container.</source>
        <translation>Máy chủ này không báo cáo việc bóp CPU cho container.</translation>
    </message>
    <message>
        <source>The throttled time did not grow.</source>
        <translation>Thời gian bị bóp không tăng.</translation>
    </message>
    <message>
        <source>The loop may not have started yet.</source>
        <translation>Có thể vòng lặp chưa bắt đầu.</translation>
    </message>
    <message>
        <source>host: %1</source>
        <translation>máy chủ: %1</translation>
    </message>
    <message>
        <source>--network host: %1</source>
        <translation>--network host: %1</translation>
    </message>
    <message>
        <source>bridge: %1</source>
        <translation>bridge: %1</translation>
    </message>
    <message numerus="yes">
        <source>With --network host the container saw the host&apos;s %n interface(s); on the bridge it saw only lo and eth0.</source>
        <translation>
            <numerusform>Với --network host, container thấy %n giao diện của máy chủ; trên bridge nó chỉ thấy lo và eth0.</numerusform>
        </translation>
    </message>
    <message>
        <source>Without a network namespace of its own a container uses the host&apos;s network stack: the same interfaces, addresses and ports, so it could also listen on the host&apos;s ports. On the bridge it has its own stack: a loopback and one end of a veth pair.</source>
        <translation>Không có namespace mạng riêng, container dùng ngăn xếp mạng của máy chủ: cùng giao diện, địa chỉ và cổng, nên nó cũng có thể lắng nghe trên cổng của máy chủ. Trên bridge nó có ngăn xếp riêng: một loopback và một đầu của cặp veth.</translation>
    </message>
    <message>
        <source>The --network host container did not list the host&apos;s interfaces.</source>
        <translation>Container --network host không liệt kê các giao diện của máy chủ.</translation>
    </message>
    <message>
        <source>The bridge container listed other interfaces than lo and eth0.</source>
        <translation>Container trên bridge liệt kê giao diện khác ngoài lo và eth0.</translation>
    </message>
</context>
<context>
    <name>koker::studio::ExperimentsDialog</name>
    <message>
        <source>Running…</source>
        <translation>Đang chạy…</translation>
    </message>
    <message>
        <source>Run the experiment</source>
        <translation>Chạy thí nghiệm</translation>
    </message>
</context>
<context>
    <name>koker::studio::HelperConnection</name>
    <message>
        <source>Looking for Koker&apos;s helper (kokerd)…</source>
        <translation>Đang tìm trình trợ giúp của Koker (kokerd)…</translation>
    </message>
    <message>
        <source>Koker Studio cannot reach the system&apos;s message bus (D-Bus): %1. Is the dbus service running?</source>
        <translation>Koker Studio không kết nối được tới bus thông điệp của hệ thống (D-Bus): %1. Dịch vụ dbus có đang chạy không?</translation>
    </message>
    <message>
        <source>Koker&apos;s helper (kokerd) is not running. Start it with “sudo systemctl start kokerd”, or ask your teacher to install Koker. Koker Studio keeps looking for it.</source>
        <translation>Trình trợ giúp của Koker (kokerd) không chạy. Hãy khởi động nó bằng “sudo systemctl start kokerd”, hoặc nhờ giáo viên cài Koker. Koker Studio sẽ tiếp tục tìm nó.</translation>
    </message>
    <message>
        <source>use Koker</source>
        <translation>dùng Koker</translation>
    </message>
    <message>
        <source>Connected to kokerd %1</source>
        <translation>Đã kết nối tới kokerd %1</translation>
    </message>
    <message>
        <source>cgroup v2</source>
        <translation>cgroup v2</translation>
    </message>
    <message>
        <source>cgroup v1 + v2 (hybrid)</source>
        <translation>cgroup v1 + v2 (lai)</translation>
    </message>
    <message>
        <source>cgroup v1</source>
        <translation>cgroup v1</translation>
    </message>
    <message>
        <source>You are not allowed to %1 without an administrator&apos;s password. Turn on “Ask for a password” in Settings, or ask your teacher to add you to the koker group.</source>
        <translation>Bạn không được phép %1 khi không có mật khẩu quản trị. Hãy bật “Hỏi mật khẩu” trong Thiết lập, hoặc nhờ giáo viên thêm bạn vào nhóm koker.</translation>
    </message>
    <message>
        <source>The system refused to pass the request on to kokerd: its D-Bus policy may be missing. Ask your teacher to reinstall Koker.</source>
        <translation>Hệ thống từ chối chuyển yêu cầu tới kokerd: có thể thiếu chính sách D-Bus của nó. Hãy nhờ giáo viên cài lại Koker.</translation>
    </message>
    <message>
        <source>You are not allowed to %1. Ask your teacher to add you to the koker group.</source>
        <translation>Bạn không được phép %1. Hãy nhờ giáo viên thêm bạn vào nhóm koker.</translation>
    </message>
    <message>
        <source>Koker&apos;s helper (kokerd) is not running, so Koker Studio cannot %1. Start it with “sudo systemctl start kokerd”, or ask your teacher to install Koker.</source>
        <translation>Trình trợ giúp của Koker (kokerd) không chạy, nên Koker Studio không thể %1. Hãy khởi động nó bằng “sudo systemctl start kokerd”, hoặc nhờ giáo viên cài Koker.</translation>
    </message>
    <message>
        <source>Could not %1: this computer or this version of Koker cannot do that.</source>
        <translation>Không thể %1: máy này hoặc phiên bản Koker này không làm được việc đó.</translation>
    </message>
    <message>
        <source>Could not %1: it does not exist (any more).</source>
        <translation>Không thể %1: nó không tồn tại (nữa).</translation>
    </message>
    <message>
        <source>Could not %1: that name is already taken.</source>
        <translation>Không thể %1: tên này đã được dùng.</translation>
    </message>
    <message>
        <source>Could not %1: it is in use right now (an image used by a container, or a container that is still running).</source>
        <translation>Không thể %1: nó đang được dùng (một image mà container đang dùng, hoặc một container vẫn đang chạy).</translation>
    </message>
    <message>
        <source>Could not %1: a value was not accepted.</source>
        <translation>Không thể %1: có một giá trị không được chấp nhận.</translation>
    </message>
    <message>
        <source>Could not %1: Koker refused input that looked unsafe.</source>
        <translation>Không thể %1: Koker từ chối dữ liệu vào trông không an toàn.</translation>
    </message>
    <message>
        <source>Could not %1: the data is damaged or does not match its checksum.</source>
        <translation>Không thể %1: dữ liệu bị hỏng hoặc không khớp với mã kiểm tra.</translation>
    </message>
    <message>
        <source>Could not %1: a size, count or time limit was reached.</source>
        <translation>Không thể %1: đã chạm giới hạn kích thước, số lượng hoặc thời gian.</translation>
    </message>
    <message>
        <source>Could not %1: the registry could not be reached. Check the network connection and the image name.</source>
        <translation>Không thể %1: không kết nối được tới registry. Hãy kiểm tra kết nối mạng và tên image.</translation>
    </message>
    <message>
        <source>Could not %1: the registry refused the request. The image may be private, or its name misspelled.</source>
        <translation>Không thể %1: registry từ chối yêu cầu. Image có thể là riêng tư, hoặc tên bị viết sai.</translation>
    </message>
    <message>
        <source>Cancelled: %1.</source>
        <translation>Đã hủy: %1.</translation>
    </message>
    <message>
        <source>Could not %1: kokerd reported an error.</source>
        <translation>Không thể %1: kokerd báo lỗi.</translation>
    </message>
    <message>
        <source>%1 Details: %2</source>
        <translation>%1 Chi tiết: %2</translation>
    </message>
</context>
<context>
    <name>koker::studio::ImageInspectDialog</name>
    <message>
        <source>Inspect %1</source>
        <translation>Xem chi tiết %1</translation>
    </message>
    <message>
        <source>inspect the image</source>
        <translation>xem chi tiết image</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>/ (the root)</source>
        <translation>/ (thư mục gốc)</translation>
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
        <translation>Lớp (%1)</translation>
    </message>
    <message>
        <source>no layer</source>
        <translation>không có lớp</translation>
    </message>
    <message>
        <source>This step changed only the configuration, not the files</source>
        <translation>Bước này chỉ thay đổi cấu hình, không thay đổi tệp</translation>
    </message>
</context>
<context>
    <name>koker::studio::ImagesModel</name>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>vừa xong</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n phút trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n giờ trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n ngày trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n tháng trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n năm trước</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;none&gt;</source>
        <translation>&lt;không có&gt;</translation>
    </message>
    <message>
        <source>%1 bytes, unpacked</source>
        <translation>%1 byte, đã giải nén</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Kho (repository)</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>ID image</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Tạo lúc</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lớp</translation>
    </message>
</context>
<context>
    <name>koker::studio::ImagesView</name>
    <message>
        <source>Load from a file…</source>
        <translation>Nạp từ tệp…</translation>
    </message>
    <message>
        <source>Save the selected image to a file…</source>
        <translation>Lưu image đã chọn vào tệp…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Chạy…</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>Lưu vào tệp…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>list the images</source>
        <translation>liệt kê các image</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>Xóa image</translation>
    </message>
    <message>
        <source>Remove the image %1?</source>
        <translation>Xóa image %1?</translation>
    </message>
    <message>
        <source>The name goes away; the layers are deleted when no other name or container uses them. Containers made from it stop the removal.</source>
        <translation>Tên sẽ bị xóa; các lớp bị xóa khi không còn tên hay container nào dùng chúng. Các container tạo từ nó sẽ ngăn việc xóa.</translation>
    </message>
    <message>
        <source>remove the image</source>
        <translation>xóa image</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 (%n layer(s) or image(s) deleted).</source>
        <translation>
            <numerusform>Đã xóa %1 (%n lớp hoặc image bị xóa).</numerusform>
        </translation>
    </message>
    <message>
        <source>Load an image from a file</source>
        <translation>Nạp một image từ tệp</translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.oci)</source>
        <translation>Tệp lưu trữ image (*.tar *.tar.gz *.tgz *.oci)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Không mở được %1: %2</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Nạp %1</translation>
    </message>
    <message>
        <source>load the image</source>
        <translation>nạp image</translation>
    </message>
    <message>
        <source>Loaded %1.</source>
        <translation>Đã nạp %1.</translation>
    </message>
    <message>
        <source>Save %1 to a file</source>
        <translation>Lưu %1 vào tệp</translation>
    </message>
    <message>
        <source>Docker archives (*.tar)</source>
        <translation>Tệp lưu trữ Docker (*.tar)</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Không tạo được %1: %2</translation>
    </message>
    <message>
        <source>save the image</source>
        <translation>lưu image</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Đã lưu vào %1.</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Lưu %1</translation>
    </message>
    <message>
        <source>create the starter image</source>
        <translation>tạo image khởi đầu</translation>
    </message>
    <message>
        <source>The starter image is ready: select it and press Run.</source>
        <translation>Image khởi đầu đã sẵn sàng: hãy chọn nó và nhấn Chạy.</translation>
    </message>
    <message>
        <source>Create the starter image</source>
        <translation>Tạo image khởi đầu</translation>
    </message>
</context>
<context>
    <name>koker::studio::LimitSlider</name>
    <message>
        <source>processes</source>
        <translation>tiến trình</translation>
    </message>
</context>
<context>
    <name>koker::studio::MainWindow</name>
    <message>
        <source>The embedded terminal is not part of this build.</source>
        <translation>Terminal nhúng không có trong bản dựng này.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Terminals (%1)</source>
        <translation>Terminal (%1)</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>Terminal</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) running</source>
        <translation>
            <numerusform>%n thao tác đang chạy</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is ready to run.</source>
        <translation>%1 đã sẵn sàng để chạy.</translation>
    </message>
    <message>
        <source>The run dialog is not part of this build of Koker Studio.</source>
        <translation>Hộp thoại chạy không có trong bản dựng Koker Studio này.</translation>
    </message>
    <message>
        <source>Cannot open the folder %1 to share it: %2</source>
        <translation>Không mở được thư mục %1 để chia sẻ: %2</translation>
    </message>
    <message>
        <source>create the container</source>
        <translation>tạo container</translation>
    </message>
    <message>
        <source>start the container</source>
        <translation>khởi động container</translation>
    </message>
    <message>
        <source>connect the terminal</source>
        <translation>kết nối terminal</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>Khởi động %1</translation>
    </message>
    <message>
        <source>The embedded terminal is not part of this build of Koker Studio.</source>
        <translation>Terminal nhúng không có trong bản dựng Koker Studio này.</translation>
    </message>
    <message>
        <source>Select a running container on the Containers page first, then press Ctrl+T for a shell in it.</source>
        <translation>Trước hết hãy chọn một container đang chạy ở trang Container, rồi nhấn Ctrl+T để mở shell trong đó.</translation>
    </message>
    <message>
        <source>The guided experiments are not part of this build of Koker Studio.</source>
        <translation>Các thí nghiệm có hướng dẫn không có trong bản dựng Koker Studio này.</translation>
    </message>
    <message>
        <source>No container has been removed from the studio yet.</source>
        <translation>Chưa có container nào bị xóa từ studio.</translation>
    </message>
    <message>
        <source>Proof of cleanup is not part of this build of Koker Studio.</source>
        <translation>Bằng chứng dọn dẹp không có trong bản dựng Koker Studio này.</translation>
    </message>
</context>
<context>
    <name>koker::studio::MountTreeModel</name>
    <message>
        <source>Mount point</source>
        <translation>Điểm mount</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Tùy chọn</translation>
    </message>
    <message>
        <source>%1 (path %2)</source>
        <translation>%1 (đường dẫn %2)</translation>
    </message>
    <message>
        <source>Mount options: %1
File system options: %2</source>
        <translation>Tùy chọn mount: %1
Tùy chọn hệ tệp: %2</translation>
    </message>
    <message>
        <source>overlay layers of /</source>
        <translation>các lớp overlay của /</translation>
    </message>
    <message>
        <source>the image&apos;s layers, read-only, under a writable layer of the container&apos;s own</source>
        <translation>các lớp của image, chỉ đọc, nằm dưới một lớp ghi được của riêng container</translation>
    </message>
    <message>
        <source>image layer %1 of %2</source>
        <translation>lớp image %1 trên %2</translation>
    </message>
    <message>
        <source>a layer the image does not list</source>
        <translation>một lớp mà image không liệt kê</translation>
    </message>
    <message>
        <source>lowerdir %1 (read-only)</source>
        <translation>lowerdir %1 (chỉ đọc)</translation>
    </message>
    <message>
        <source>upperdir (writable)</source>
        <translation>upperdir (ghi được)</translation>
    </message>
    <message>
        <source>the container&apos;s own layer</source>
        <translation>lớp riêng của container</translation>
    </message>
    <message>
        <source>a writable layer</source>
        <translation>một lớp ghi được</translation>
    </message>
    <message>
        <source>every file the container writes or deletes lands here</source>
        <translation>mọi tệp container ghi hoặc xóa đều nằm ở đây</translation>
    </message>
    <message>
        <source>workdir</source>
        <translation>workdir</translation>
    </message>
    <message>
        <source>overlayfs scratch space</source>
        <translation>vùng nháp của overlayfs</translation>
    </message>
    <message>
        <source>used by the kernel to copy files up atomically</source>
        <translation>nhân dùng để sao chép tệp lên một cách nguyên tử</translation>
    </message>
</context>
<context>
    <name>koker::studio::NamespacesModel</name>
    <message>
        <source>Shared with the host (--network host): the same interfaces, addresses and ports as the host.</source>
        <translation>Dùng chung với máy chủ (--network host): cùng giao diện, địa chỉ và cổng như máy chủ.</translation>
    </message>
    <message>
        <source>Shared with the host: root in the container is root on the host, held back by capabilities, seccomp and the other namespaces.</source>
        <translation>Dùng chung với máy chủ: root trong container là root trên máy chủ, bị kiềm chế bởi capability, seccomp và các namespace khác.</translation>
    </message>
    <message>
        <source>Shared with the host: the container sees the host&apos;s boot and monotonic clocks.</source>
        <translation>Dùng chung với máy chủ: container thấy đồng hồ boot và monotonic của máy chủ.</translation>
    </message>
    <message>
        <source>Shared with the host: this part of the system is not isolated.</source>
        <translation>Dùng chung với máy chủ: phần này của hệ thống không bị cô lập.</translation>
    </message>
    <message>
        <source>Its own mount table: the overlay is its /, and mounts made inside never reach the host.</source>
        <translation>Bảng mount riêng: overlay là / của nó, và các mount tạo bên trong không bao giờ tới máy chủ.</translation>
    </message>
    <message>
        <source>Its own hostname: sethostname() inside changes only the container&apos;s.</source>
        <translation>Tên máy riêng: sethostname() bên trong chỉ đổi tên của container.</translation>
    </message>
    <message>
        <source>Its own System V IPC and POSIX message queues: no shared memory with host processes.</source>
        <translation>IPC System V và hàng đợi thông điệp POSIX riêng: không chia sẻ bộ nhớ với tiến trình của máy chủ.</translation>
    </message>
    <message>
        <source>Its own process numbers: its first process is PID 1 and it cannot see host processes.</source>
        <translation>Số tiến trình riêng: tiến trình đầu tiên là PID 1 và nó không thấy tiến trình của máy chủ.</translation>
    </message>
    <message>
        <source>Its own network stack: interfaces, addresses, routes, ports and firewall rules.</source>
        <translation>Ngăn xếp mạng riêng: giao diện, địa chỉ, tuyến, cổng và quy tắc tường lửa.</translation>
    </message>
    <message>
        <source>Its own view of /proc/self/cgroup: its cgroup looks like the root.</source>
        <translation>Góc nhìn riêng về /proc/self/cgroup: cgroup của nó trông như gốc.</translation>
    </message>
    <message>
        <source>Its own user and group ids, mapped to other ids on the host.</source>
        <translation>ID người dùng và nhóm riêng, ánh xạ sang ID khác trên máy chủ.</translation>
    </message>
    <message>
        <source>Its own boot and monotonic clock offsets.</source>
        <translation>Độ lệch riêng của đồng hồ boot và monotonic.</translation>
    </message>
    <message>
        <source>A namespace of type %1.</source>
        <translation>Một namespace loại %1.</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>dùng chung</translation>
    </message>
    <message>
        <source>own</source>
        <translation>riêng</translation>
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
        <translation>Cùng inode: container nằm trong namespace của máy chủ.</translation>
    </message>
    <message>
        <source>Different inodes: the container has a namespace of its own.</source>
        <translation>Inode khác nhau: container có namespace riêng.</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Container inode</source>
        <translation>Inode của container</translation>
    </message>
    <message>
        <source>Host inode</source>
        <translation>Inode của máy chủ</translation>
    </message>
    <message>
        <source>Shared?</source>
        <translation>Dùng chung?</translation>
    </message>
    <message>
        <source>What it isolates</source>
        <translation>Nó cô lập gì</translation>
    </message>
</context>
<context>
    <name>koker::studio::NetworkTopologyView</name>
    <message>
        <source>No network information</source>
        <translation>Không có thông tin mạng</translation>
    </message>
    <message>
        <source>NAT, filter and port rules (iptables)</source>
        <translation>Quy tắc NAT, lọc và cổng (iptables)</translation>
    </message>
</context>
<context>
    <name>koker::studio::PullDialog</name>
    <message>
        <source>this computer&apos;s</source>
        <translation>của máy này</translation>
    </message>
    <message>
        <source>Asking the registry for %1…</source>
        <translation>Đang hỏi registry về %1…</translation>
    </message>
    <message>
        <source>pull %1</source>
        <translation>tải %1</translation>
    </message>
    <message>
        <source>%1 is up to date.</source>
        <translation>%1 đã là bản mới nhất.</translation>
    </message>
    <message>
        <source>Pulled %1.</source>
        <translation>Đã tải %1.</translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation>Đang tải %1…</translation>
    </message>
    <message>
        <source>Pull %1</source>
        <translation>Tải %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>Đã có sẵn</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Đang tải</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Đã tải xong</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Đang giải nén</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Thất bại</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 trên %2</translation>
    </message>
</context>
<context>
    <name>koker::studio::RunDialog</name>
    <message>
        <source>Choose a Folder to Share</source>
        <translation>Chọn thư mục để chia sẻ</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Chạy</translation>
    </message>
    <message>
        <source>bridge (default)</source>
        <translation>bridge (mặc định)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none (không có)</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host (của máy chủ)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Đã sao chép</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <source>Variables set in the container, like -e NAME=value</source>
        <translation>Các biến được đặt trong container, giống -e TÊN=giá_trị</translation>
    </message>
    <message>
        <source>Leave Host IP empty to listen on every address, and Host port empty to use the container port</source>
        <translation>Để trống IP máy chủ để lắng nghe trên mọi địa chỉ, và để trống cổng máy chủ để dùng cổng của container</translation>
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
        <translation>không giới hạn</translation>
    </message>
    <message>
        <source>default</source>
        <translation>mặc định</translation>
    </message>
    <message>
        <source>Unlimited swap</source>
        <translation>Swap không giới hạn</translation>
    </message>
    <message>
        <source>Memory and swap together, as docker run --memory-swap: the default allows as much swap as memory (twice the memory in total).</source>
        <translation>Bộ nhớ và swap cộng lại, như docker run --memory-swap: mặc định cho phép swap bằng bộ nhớ (tổng cộng gấp đôi bộ nhớ).</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>tiến trình</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>chỉ đọc</translation>
    </message>
    <message>
        <source>Fix the marked fields: the command shows only what is valid so far.
%1</source>
        <translation>Hãy sửa các trường được đánh dấu: lệnh chỉ hiện những gì hợp lệ cho đến giờ.
%1</translation>
    </message>
    <message>
        <source>runs the image&apos;s command</source>
        <translation>chạy lệnh của image</translation>
    </message>
    <message>
        <source>arguments: %1</source>
        <translation>đối số: %1</translation>
    </message>
    <message>
        <source>uses the image&apos;s entrypoint</source>
        <translation>dùng entrypoint của image</translation>
    </message>
    <message>
        <source>no entrypoint: the command runs by itself</source>
        <translation>không có entrypoint: lệnh tự chạy</translation>
    </message>
    <message>
        <source>program: %1</source>
        <translation>chương trình: %1</translation>
    </message>
    <message>
        <source>Ready to run.</source>
        <translation>Sẵn sàng để chạy.</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>The helper has not described this host yet: the files below assume %1.</source>
        <translation>Trình trợ giúp chưa mô tả máy này: các tệp bên dưới giả định %1.</translation>
    </message>
    <message>
        <source>This host: %1 · %2 CPUs · %3 of memory · swap accounting %4</source>
        <translation>Máy này: %1 · %2 CPU · %3 bộ nhớ · tính swap %4</translation>
    </message>
    <message>
        <source>on</source>
        <translation>bật</translation>
    </message>
    <message>
        <source>off</source>
        <translation>tắt</translation>
    </message>
    <message>
        <source>Its own network namespace with a veth pair on the koker0 bridge; the host reaches the internet for it through NAT.</source>
        <translation>Một network namespace riêng với một cặp veth nối vào bridge koker0; máy chủ đưa nó ra internet qua NAT.</translation>
    </message>
    <message>
        <source>Its own network namespace with only the loopback interface: no network.</source>
        <translation>Một network namespace riêng chỉ có giao diện loopback: không có mạng.</translation>
    </message>
    <message>
        <source>No network namespace: the container sees and uses the host&apos;s interfaces.</source>
        <translation>Không có network namespace: container thấy và dùng các giao diện của máy chủ.</translation>
    </message>
    <message>
        <source>Your network “%1”: containers on it reach each other by name.</source>
        <translation>Mạng “%1” của bạn: các container trong đó gọi nhau bằng tên.</translation>
    </message>
</context>
<context>
    <name>koker::studio::RunForm</name>
    <message>
        <source>The command has an unclosed single quote (&apos;): add the closing quote, or escape it as \&apos;.</source>
        <translation>Lệnh có dấu nháy đơn (&apos;) chưa đóng: thêm dấu đóng, hoặc thoát nó thành \&apos;.</translation>
    </message>
    <message>
        <source>The entrypoint has an unclosed single quote (&apos;): add the closing quote, or escape it as \&apos;.</source>
        <translation>Entrypoint có dấu nháy đơn (&apos;) chưa đóng: thêm dấu đóng, hoặc thoát nó thành \&apos;.</translation>
    </message>
    <message>
        <source>The command has an unclosed double quote (&quot;): add the closing quote, or escape it as \&quot;.</source>
        <translation>Lệnh có dấu nháy kép (&quot;) chưa đóng: thêm dấu đóng, hoặc thoát nó thành \&quot;.</translation>
    </message>
    <message>
        <source>The entrypoint has an unclosed double quote (&quot;): add the closing quote, or escape it as \&quot;.</source>
        <translation>Entrypoint có dấu nháy kép (&quot;) chưa đóng: thêm dấu đóng, hoặc thoát nó thành \&quot;.</translation>
    </message>
    <message>
        <source>The command ends with a lone backslash: remove it, or write \\ for a backslash.</source>
        <translation>Lệnh kết thúc bằng một dấu gạch ngược lẻ: xóa nó, hoặc viết \\ cho một dấu gạch ngược.</translation>
    </message>
    <message>
        <source>The entrypoint ends with a lone backslash: remove it, or write \\ for a backslash.</source>
        <translation>Entrypoint kết thúc bằng một dấu gạch ngược lẻ: xóa nó, hoặc viết \\ cho một dấu gạch ngược.</translation>
    </message>
    <message>
        <source>Memory must be at least 6 MiB, or 0 for no limit: the container&apos;s runtime alone needs that much.</source>
        <translation>Bộ nhớ phải ít nhất 6 MiB, hoặc 0 để không giới hạn: riêng phần chạy của container đã cần chừng đó.</translation>
    </message>
    <message>
        <source>The memory limit is too large: use 0 for no limit.</source>
        <translation>Giới hạn bộ nhớ quá lớn: dùng 0 để không giới hạn.</translation>
    </message>
    <message>
        <source>The memory limit (%1) is more than this host&apos;s memory (%2): it will never be reached.</source>
        <translation>Giới hạn bộ nhớ (%1) lớn hơn bộ nhớ của máy này (%2): nó sẽ không bao giờ bị chạm tới.</translation>
    </message>
    <message>
        <source>Swap must be a size, 0 for the default (twice the memory), or unlimited.</source>
        <translation>Swap phải là một kích thước, 0 cho mặc định (gấp đôi bộ nhớ), hoặc không giới hạn.</translation>
    </message>
    <message>
        <source>A swap limit needs a memory limit: set Memory first, or choose unlimited swap.</source>
        <translation>Giới hạn swap cần có giới hạn bộ nhớ: hãy đặt Bộ nhớ trước, hoặc chọn swap không giới hạn.</translation>
    </message>
    <message>
        <source>Swap (memory + swap) must be at least the memory limit (%1): it counts memory and swap together. Raise it, use 0 for the default (twice the memory), or choose unlimited swap.</source>
        <translation>Swap (bộ nhớ + swap) phải ít nhất bằng giới hạn bộ nhớ (%1): nó tính cả bộ nhớ và swap. Hãy tăng lên, dùng 0 cho mặc định (gấp đôi bộ nhớ), hoặc chọn swap không giới hạn.</translation>
    </message>
    <message>
        <source>This kernel does not account swap, so swap will not be limited (boot with swapaccount=1 to turn it on).</source>
        <translation>Nhân này không tính swap, nên swap sẽ không bị giới hạn (khởi động với swapaccount=1 để bật).</translation>
    </message>
    <message>
        <source>The CPU limit must be at least 0.01, or 0 for no limit: the kernel&apos;s smallest quota is 1 ms in every 100 ms.</source>
        <translation>Giới hạn CPU phải ít nhất 0,01, hoặc 0 để không giới hạn: hạn mức nhỏ nhất của nhân là 1 ms trong mỗi 100 ms.</translation>
    </message>
    <message>
        <source>The CPU limit (%1) is more than this host has (%2): choose at most %2.</source>
        <translation>Giới hạn CPU (%1) nhiều hơn máy này có (%2): hãy chọn tối đa %2.</translation>
    </message>
    <message>
        <source>The process limit must be a positive number, or 0 for no limit.</source>
        <translation>Giới hạn tiến trình phải là số dương, hoặc 0 để không giới hạn.</translation>
    </message>
    <message>
        <source>The process limit can be at most 4194304 (the kernel&apos;s maximum), or 0 for no limit.</source>
        <translation>Giới hạn tiến trình tối đa là 4194304 (mức tối đa của nhân), hoặc 0 để không giới hạn.</translation>
    </message>
    <message>
        <source>Choose the image to run, for example alpine or starter:latest.</source>
        <translation>Chọn image để chạy, ví dụ alpine hoặc starter:latest.</translation>
    </message>
    <message>
        <source>“%1” is not an image name: use lowercase NAME[:TAG] or NAME@sha256:DIGEST, for example alpine:3.19.</source>
        <translation>“%1” không phải tên image: dùng chữ thường TÊN[:TAG] hoặc TÊN@sha256:DIGEST, ví dụ alpine:3.19.</translation>
    </message>
    <message>
        <source>The name may contain only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, must start with a letter or digit and be at most 128 characters long (or leave it empty for a generated name).</source>
        <translation>Tên chỉ được chứa chữ cái, chữ số, &apos;_&apos;, &apos;.&apos; và &apos;-&apos;, phải bắt đầu bằng chữ cái hoặc chữ số và dài tối đa 128 ký tự (hoặc để trống để tự sinh tên).</translation>
    </message>
    <message>
        <source>Without an entrypoint the image&apos;s command is cleared too: type the command to run.</source>
        <translation>Khi không có entrypoint thì lệnh của image cũng bị xóa: hãy gõ lệnh cần chạy.</translation>
    </message>
    <message>
        <source>The entrypoint&apos;s first word is empty: give the program to run, or write just &quot;&quot; to run without an entrypoint.</source>
        <translation>Từ đầu tiên của entrypoint bị trống: hãy đưa chương trình cần chạy, hoặc chỉ viết &quot;&quot; để chạy không có entrypoint.</translation>
    </message>
    <message>
        <source>Environment row %1: the variable name is empty: type a name such as GREETING, or remove the row.</source>
        <translation>Môi trường, dòng %1: tên biến bị trống: gõ một tên như GREETING, hoặc xóa dòng này.</translation>
    </message>
    <message>
        <source>Environment row %1: “%2” is not a variable name: use letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, starting with a letter or &apos;_&apos;.</source>
        <translation>Môi trường, dòng %1: “%2” không phải tên biến: dùng chữ cái, chữ số, &apos;_&apos;, &apos;.&apos; và &apos;-&apos;, bắt đầu bằng chữ cái hoặc &apos;_&apos;.</translation>
    </message>
    <message>
        <source>Environment row %1: %2 is already set in row %3: remove one of them.</source>
        <translation>Môi trường, dòng %1: %2 đã được đặt ở dòng %3: hãy xóa một trong hai.</translation>
    </message>
    <message>
        <source>The working directory must be an absolute path in the container, starting with / (or leave it empty for the image&apos;s).</source>
        <translation>Thư mục làm việc phải là đường dẫn tuyệt đối trong container, bắt đầu bằng / (hoặc để trống để dùng của image).</translation>
    </message>
    <message>
        <source>The user must be a name or a number, optionally with a group: root, 1000 or 1000:1000 (or leave it empty for the image&apos;s).</source>
        <translation>Người dùng phải là một tên hoặc một số, có thể kèm nhóm: root, 1000 hoặc 1000:1000 (hoặc để trống để dùng của image).</translation>
    </message>
    <message>
        <source>The hostname may contain letters, digits, &apos;-&apos; and &apos;.&apos;, must start and end with a letter or digit and be at most 63 characters long.</source>
        <translation>Tên máy có thể chứa chữ cái, chữ số, &apos;-&apos; và &apos;.&apos;, phải bắt đầu và kết thúc bằng chữ cái hoặc chữ số và dài tối đa 63 ký tự.</translation>
    </message>
    <message>
        <source>“%1” is not a network name: choose bridge, none, host or one of your networks.</source>
        <translation>“%1” không phải tên mạng: chọn bridge, none, host hoặc một mạng của bạn.</translation>
    </message>
    <message>
        <source>Port row %1: “%2” is not an IPv4 address: write one such as 127.0.0.1, or leave it empty to listen on all addresses.</source>
        <translation>Cổng, dòng %1: “%2” không phải địa chỉ IPv4: hãy viết một địa chỉ như 127.0.0.1, hoặc để trống để lắng nghe trên mọi địa chỉ.</translation>
    </message>
    <message>
        <source>Port row %1: the host port must be a number from 1 to 65535 (or empty for the same as the container port).</source>
        <translation>Cổng, dòng %1: cổng máy chủ phải là số từ 1 đến 65535 (hoặc để trống để giống cổng container).</translation>
    </message>
    <message>
        <source>Port row %1: the container port must be a number from 1 to 65535.</source>
        <translation>Cổng, dòng %1: cổng container phải là số từ 1 đến 65535.</translation>
    </message>
    <message>
        <source>Port row %1: the protocol must be tcp or udp.</source>
        <translation>Cổng, dòng %1: giao thức phải là tcp hoặc udp.</translation>
    </message>
    <message>
        <source>Port row %1: host port %2/%3 is already published in row %4: choose another host port.</source>
        <translation>Cổng, dòng %1: cổng máy chủ %2/%3 đã được công bố ở dòng %4: hãy chọn cổng máy chủ khác.</translation>
    </message>
    <message>
        <source>Published ports do nothing with the host network: the container already uses the host&apos;s own ports.</source>
        <translation>Cổng công bố không có tác dụng với mạng host: container đã dùng chính các cổng của máy chủ.</translation>
    </message>
    <message>
        <source>Published ports do nothing with the none network: the container has only a loopback interface.</source>
        <translation>Cổng công bố không có tác dụng với mạng none: container chỉ có giao diện loopback.</translation>
    </message>
    <message>
        <source>Volume row %1: choose a host folder (Browse…).</source>
        <translation>Volume, dòng %1: hãy chọn một thư mục máy chủ (Duyệt…).</translation>
    </message>
    <message>
        <source>Volume row %1: the host folder must be an absolute path (starting with /).</source>
        <translation>Volume, dòng %1: thư mục máy chủ phải là đường dẫn tuyệt đối (bắt đầu bằng /).</translation>
    </message>
    <message>
        <source>Volume row %1: the host path contains &apos;:&apos;, which koker run -v cannot express: choose a folder without &apos;:&apos; in its path.</source>
        <translation>Volume, dòng %1: đường dẫn máy chủ chứa &apos;:&apos;, điều mà koker run -v không biểu diễn được: hãy chọn thư mục không có &apos;:&apos; trong đường dẫn.</translation>
    </message>
    <message>
        <source>Volume row %1: the container path must be absolute (start with /) and not / itself.</source>
        <translation>Volume, dòng %1: đường dẫn trong container phải là tuyệt đối (bắt đầu bằng /) và không được là chính /.</translation>
    </message>
    <message>
        <source>Volume row %1: the container path must not contain &apos;:&apos;.</source>
        <translation>Volume, dòng %1: đường dẫn trong container không được chứa &apos;:&apos;.</translation>
    </message>
    <message>
        <source>Volume row %1: %2 is already mounted by row %3: choose another container path.</source>
        <translation>Volume, dòng %1: %2 đã được gắn bởi dòng %3: hãy chọn đường dẫn khác trong container.</translation>
    </message>
    <message>
        <source>Privileged: the container gets every capability and no seccomp filter, so it can change the host. Use it only for experiments.</source>
        <translation>Đặc quyền: container nhận mọi capability và không có bộ lọc seccomp, nên nó có thể thay đổi máy chủ. Chỉ dùng cho thí nghiệm.</translation>
    </message>
    <message>
        <source>“%1” is not a Linux capability: use names like NET_ADMIN or SYS_TIME (the CAP_ prefix is optional), or ALL.</source>
        <translation>“%1” không phải capability của Linux: dùng tên như NET_ADMIN hoặc SYS_TIME (tiền tố CAP_ là tùy chọn), hoặc ALL.</translation>
    </message>
    <message>
        <source>cgroup v1 (legacy)</source>
        <translation>cgroup v1 (kiểu cũ)</translation>
    </message>
    <message>
        <source>cgroup v1 + v2 (hybrid: limits use the v1 files)</source>
        <translation>cgroup v1 + v2 (lai: giới hạn dùng các tệp v1)</translation>
    </message>
    <message>
        <source>cgroup v2 (unified)</source>
        <translation>cgroup v2 (hợp nhất)</translation>
    </message>
    <message>
        <source>On this host (%1):</source>
        <translation>Trên máy này (%1):</translation>
    </message>
    <message>
        <source>The helper has not told the host&apos;s cgroup mode yet; assuming %1:</source>
        <translation>Trình trợ giúp chưa cho biết chế độ cgroup của máy; giả định %1:</translation>
    </message>
    <message>
        <source>nothing can be written until the value is fixed</source>
        <translation>không thể ghi gì cho tới khi giá trị được sửa</translation>
    </message>
    <message>
        <source>%1 is not written: this kernel does not account swap (boot with swapaccount=1)</source>
        <translation>%1 không được ghi: nhân này không tính swap (khởi động với swapaccount=1)</translation>
    </message>
    <message>
        <source>nothing is written: swap is limited only together with memory</source>
        <translation>không ghi gì: swap chỉ bị giới hạn cùng với bộ nhớ</translation>
    </message>
    <message>
        <source>no limit: nothing is written</source>
        <translation>không giới hạn: không ghi gì</translation>
    </message>
</context>
<context>
    <name>koker::studio::SettingsDialog</name>
    <message>
        <source>The system&apos;s language</source>
        <translation>Ngôn ngữ của hệ thống</translation>
    </message>
    <message>
        <source>%1 does not exist: no registry is marked insecure.</source>
        <translation>%1 không tồn tại: không có registry nào bị đánh dấu là không an toàn.</translation>
    </message>
    <message>
        <source>The administrator&apos;s settings in %1:</source>
        <translation>Thiết lập của quản trị viên trong %1:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>user id %1</source>
        <translation>id người dùng %1</translation>
    </message>
    <message>
        <source>%1 (user id %2)</source>
        <translation>%1 (id người dùng %2)</translation>
    </message>
    <message>
        <source>on: a swap limit is written</source>
        <translation>bật: giới hạn swap được ghi</translation>
    </message>
    <message>
        <source>off: swap limits are not enforced on this computer</source>
        <translation>tắt: giới hạn swap không được áp dụng trên máy này</translation>
    </message>
    <message>
        <source>This computer uses cgroup v2: one tree under /sys/fs/cgroup. A memory limit is written to memory.max, a CPU limit to cpu.max, a process limit to pids.max, all in the container&apos;s own directory.</source>
        <translation>Máy này dùng cgroup v2: một cây duy nhất dưới /sys/fs/cgroup. Giới hạn bộ nhớ được ghi vào memory.max, giới hạn CPU vào cpu.max, giới hạn tiến trình vào pids.max, tất cả trong thư mục riêng của container.</translation>
    </message>
    <message>
        <source>This computer uses cgroup v1 for the limits, with a v2 tree beside them that only tracks processes. A memory limit is written to memory/…/memory.limit_in_bytes, a CPU limit to cpu/…/cpu.cfs_quota_us, a process limit to pids/…/pids.max: one directory per controller.</source>
        <translation>Máy này dùng cgroup v1 cho các giới hạn, kèm một cây v2 bên cạnh chỉ để theo dõi tiến trình. Giới hạn bộ nhớ được ghi vào memory/…/memory.limit_in_bytes, giới hạn CPU vào cpu/…/cpu.cfs_quota_us, giới hạn tiến trình vào pids/…/pids.max: mỗi controller một thư mục.</translation>
    </message>
    <message>
        <source>This computer uses cgroup v1 only: one tree per controller. A memory limit is written to memory/…/memory.limit_in_bytes, a CPU limit to cpu/…/cpu.cfs_quota_us, a process limit to pids/…/pids.max.</source>
        <translation>Máy này chỉ dùng cgroup v1: mỗi controller một cây. Giới hạn bộ nhớ được ghi vào memory/…/memory.limit_in_bytes, giới hạn CPU vào cpu/…/cpu.cfs_quota_us, giới hạn tiến trình vào pids/…/pids.max.</translation>
    </message>
</context>
<context>
    <name>koker::studio::StepDetailsPane</name>
    <message>
        <source>(untitled step)</source>
        <translation>(bước không tên)</translation>
    </message>
    <message>
        <source>step #%1</source>
        <translation>bước số %1</translation>
    </message>
    <message>
        <source>%1 · step #%2</source>
        <translation>%1 · bước số %2</translation>
    </message>
    <message>
        <source>inside the container, pid %1 there</source>
        <translation>bên trong container, pid %1 ở đó</translation>
    </message>
    <message>
        <source>inside the container</source>
        <translation>bên trong container</translation>
    </message>
    <message>
        <source>on the host, pid %1</source>
        <translation>trên máy chủ, pid %1</translation>
    </message>
    <message>
        <source>on the host</source>
        <translation>trên máy chủ</translation>
    </message>
    <message>
        <source>planned: it has not run yet</source>
        <translation>đã lên kế hoạch: chưa chạy</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>đang chạy…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>failed with %1</source>
        <translation>thất bại với %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>This step failed</source>
        <translation>Bước này đã thất bại</translation>
    </message>
    <message>
        <source>This step failed with %1</source>
        <translation>Bước này thất bại với %1</translation>
    </message>
    <message>
        <source>Undoing an earlier step failed too: the host may keep a leftover, see the operation below.</source>
        <translation>Việc hoàn tác một bước trước đó cũng thất bại: máy chủ có thể còn sót lại, xem thao tác bên dưới.</translation>
    </message>
    <message>
        <source>The steps completed before it are undone in reverse order; they appear in the cleanup lane.</source>
        <translation>Các bước đã hoàn thành trước nó được hoàn tác theo thứ tự ngược lại; chúng xuất hiện ở làn dọn dẹp.</translation>
    </message>
    <message>
        <source>Rollback: a later step failed, so this undoes an earlier one.</source>
        <translation>Hoàn tác: một bước sau đã thất bại, nên bước này hoàn tác một bước trước đó.</translation>
    </message>
    <message>
        <source>%1 after the action began</source>
        <translation>%1 sau khi thao tác bắt đầu</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>chưa</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>vẫn đang chạy</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>Đọc: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Đã sao chép</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
</context>
<context>
    <name>koker::studio::StepExportFile</name>
    <message>
        <source>Shell script (replays the container by hand)</source>
        <translation>Script shell (dựng lại container bằng tay)</translation>
    </message>
    <message>
        <source>Chrome trace (open in Perfetto)</source>
        <translation>Trace Chrome (mở bằng Perfetto)</translation>
    </message>
    <message>
        <source>Markdown lab report</source>
        <translation>Báo cáo thực hành Markdown</translation>
    </message>
    <message>
        <source>Shell scripts (*.sh)</source>
        <translation>Script shell (*.sh)</translation>
    </message>
    <message>
        <source>Trace files (*.json)</source>
        <translation>Tệp trace (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Tệp Markdown (*.md)</translation>
    </message>
</context>
<context>
    <name>koker::studio::StepThroughBar</name>
    <message>
        <source>Step-through: running a step…</source>
        <translation>Từng bước: đang chạy một bước…</translation>
    </message>
    <message>
        <source>Paused before step %1: &lt;b&gt;%2&lt;/b&gt;. Look at the host now (ip link, findmnt, ls /sys/fs/cgroup/…), then choose.</source>
        <translation>Đã dừng trước bước %1: &lt;b&gt;%2&lt;/b&gt;. Hãy xem máy chủ ngay bây giờ (ip link, findmnt, ls /sys/fs/cgroup/…), rồi chọn.</translation>
    </message>
    <message>
        <source>Step-through: running the remaining steps without pausing…</source>
        <translation>Từng bước: đang chạy các bước còn lại mà không dừng…</translation>
    </message>
    <message>
        <source>Aborting: undoing the steps done so far…</source>
        <translation>Đang hủy: hoàn tác các bước đã làm…</translation>
    </message>
    <message numerus="yes">
        <source>Step-through finished: the container runs (%n step(s) allowed).</source>
        <translation>
            <numerusform>Chạy từng bước xong: container đang chạy (đã cho phép %n bước).</numerusform>
        </translation>
    </message>
    <message>
        <source>Step-through stopped: %1 Everything done so far was rolled back.</source>
        <translation>Đã dừng chạy từng bước: %1 Mọi thứ đã làm đều được hoàn tác.</translation>
    </message>
</context>
<context>
    <name>koker::studio::StepTimelineModel</name>
    <message>
        <source>running…</source>
        <translation>đang chạy…</translation>
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
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Thời lượng</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>lưu trữ</translation>
    </message>
    <message>
        <source>cgroup</source>
        <translation>cgroup</translation>
    </message>
    <message>
        <source>network</source>
        <translation>mạng</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>namespace</translation>
    </message>
    <message>
        <source>process</source>
        <translation>tiến trình</translation>
    </message>
    <message>
        <source>cleanup</source>
        <translation>dọn dẹp</translation>
    </message>
    <message>
        <source>container</source>
        <translation>container</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host (của máy chủ)</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>đã lên kế hoạch</translation>
    </message>
    <message>
        <source>running</source>
        <translation>đang chạy</translation>
    </message>
    <message>
        <source>done</source>
        <translation>xong</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>bỏ qua</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>đã hoàn tác</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Khởi động</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Chạy</translation>
    </message>
    <message>
        <source>Exec</source>
        <translation>Exec</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Buộc dừng</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Cleanup</source>
        <translation>Dọn dẹp</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Đối chiếu</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>Tải về</translation>
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
        <translation>%1 phút %2 giây</translation>
    </message>
    <message>
        <source>errno %1</source>
        <translation>errno %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Tải</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
</context>
<context>
    <name>koker::studio::TimelineView</name>
    <message>
        <source>Step timeline</source>
        <translation>Dòng thời gian các bước</translation>
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
        <translation>Chưa có bước nào. Hãy chạy một container hoặc chọn một container để xem nó được tạo ra thế nào.</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Các bước</translation>
    </message>
    <message>
        <source>%1 · %2 later</source>
        <translation>%1 · %2 sau đó</translation>
    </message>
    <message>
        <source>done on the host</source>
        <translation>thực hiện trên máy chủ</translation>
    </message>
    <message>
        <source>done in the container</source>
        <translation>thực hiện trong container</translation>
    </message>
    <message>
        <source>running</source>
        <translation>đang chạy</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>đã hoàn tác</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>đã lên kế hoạch</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>bỏ qua</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>in the container</source>
        <translation>trong container</translation>
    </message>
    <message>
        <source>on the host</source>
        <translation>trên máy chủ</translation>
    </message>
</context>
<context>
    <name>koker::studio::TimelineWidget</name>
    <message>
        <source>Steps: %1</source>
        <translation>Số bước: %1</translation>
    </message>
    <message>
        <source>Actions: %1</source>
        <translation>Số thao tác: %1</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Đang chạy: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Thất bại: %1</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel on the lanes)</source>
        <translation>Phóng to (Ctrl+con lăn trên các làn)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel on the lanes)</source>
        <translation>Thu nhỏ (Ctrl+con lăn trên các làn)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Vừa khít</translation>
    </message>
    <message>
        <source>Show every step</source>
        <translation>Hiện mọi bước</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Theo dõi</translation>
    </message>
    <message>
        <source>Keep the newest step in view while a container is being made</source>
        <translation>Giữ bước mới nhất trong tầm nhìn khi container đang được tạo</translation>
    </message>
</context>
<context>
    <name>koker::studio::UnderTheHoodPanel</name>
    <message>
        <source>Select a running container to look under the hood.</source>
        <translation>Chọn một container đang chạy để xem bên trong.</translation>
    </message>
    <message>
        <source>Press Refresh to ask the kernel about %1.</source>
        <translation>Nhấn Làm mới để hỏi nhân về %1.</translation>
    </message>
    <message>
        <source>Asking the kernel…</source>
        <translation>Đang hỏi nhân…</translation>
    </message>
    <message>
        <source>%1 is not running, so the kernel has nothing to show: no namespaces, no cgroup, no mounts. Start it, then press Refresh.</source>
        <translation>%1 không chạy, nên nhân không có gì để hiển thị: không namespace, không cgroup, không mount. Hãy khởi động nó rồi nhấn Làm mới.</translation>
    </message>
    <message>
        <source>kokerd&apos;s answer could not be read: %1</source>
        <translation>Không đọc được câu trả lời của kokerd: %1</translation>
    </message>
    <message>
        <source>%1, host PID %2, as the kernel saw it at %3</source>
        <translation>%1, PID trên máy chủ %2, như nhân thấy lúc %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;This host:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Máy chủ này:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (thiếu)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Its cgroup directories:&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Các thư mục cgroup của nó:&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>&lt;b&gt;Counters:&lt;/b&gt; OOM kills %1 · memory limit hits (failcnt) %2 · CPU periods %3, throttled %4, throttled time %5 · processes %6 of %7</source>
        <translation>&lt;b&gt;Bộ đếm:&lt;/b&gt; OOM kill %1 · chạm giới hạn bộ nhớ (failcnt) %2 · chu kỳ CPU %3, bị bóp %4, thời gian bị bóp %5 · tiến trình %6 trên %7</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>không giới hạn</translation>
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
        <translation>Một xưởng container hiển thị từng bước ở mức nhân.</translation>
    </message>
</context>
</TS>
